using SlaEngine.Calendars;
using SlaEngine.Evaluation;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine due --policy P --calendar C --from T --within DURATION</c>.</summary>
internal static class DueCommand
{
    internal const string Help = """
        Usage: slaengine due --policy POLICY.yaml --calendar NAME --from INSTANT --within DURATION

        Prints the deadline instant of DURATION from INSTANT on the policy's calendar NAME.
        DURATION is any duration of the policy language: '4 business hours', '8 business days', '24 hours', '7 days'.

        Example:
          slaengine due --policy samples/policies/rank-bands.yaml --calendar us-sales --from 2026-11-20T15:30:00Z --within "2 business hours"
          2026-11-20T18:30:00Z

        """;

    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--policy", "--calendar", "--from", "--within"], []);
        var policyPath = line.Required("--policy", "policy.yaml");
        var calendarName = line.Required("--calendar", "us-sales");
        var fromText = line.Required("--from", "2026-11-20T15:30:00Z");
        var withinText = line.Required("--within", "\"4 business hours\"");
        if (!InstantText.TryParse(fromText, out var from))
        {
            throw new UsageException($"--from '{fromText}' is not an ISO-8601 instant; write it like 2026-11-20T15:30:00Z.");
        }

        if (!SlaDuration.TryParse(withinText, out var within))
        {
            throw new UsageException($"--within '{withinText}' is not a duration; write it like \"4 business hours\", \"8 business days\", \"24 hours\" or \"7 days\".");
        }

        var policy = PolicyFiles.Load(policyPath, stderr);
        if (policy is null)
        {
            return Program.ExitFailure;
        }

        if (!policy.TryGetCalendar(calendarName, out var calendar))
        {
            throw new UsageException($"--calendar '{calendarName}' is not defined in {policyPath}; it defines: {string.Join(", ", policy.Calendars.Select(c => c.Name))}.");
        }

        try
        {
            stdout.WriteLine(EvaluationJson.FormatInstant(calendar.Add(from, within)));
        }
        catch (ArgumentOutOfRangeException e)
        {
            stderr.WriteLine("slaengine due: " + CommandLine.MessageOf(e));
            return Program.ExitInvalidInput;
        }

        return Program.ExitOk;
    }
}
