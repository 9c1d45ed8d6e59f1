using System.CommandLine;
using SlaEngine.Calendars;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine due --policy P --calendar C --from T --within DURATION [--zone Z]</c>.</summary>
internal static class DueCommand
{
    /// <summary>Defines the command.</summary>
    internal static Command Create(CliContext context)
    {
        var policy = CliOptions.Policy();
        var calendar = CliOptions.Required(new Option<string>("--calendar") { Description = "The name of a calendar of the policy.", HelpName = "NAME" }, "us-sales");
        var from = CliOptions.Instant(context, "--from", "The start instant.");
        var within = CliOptions.Required(
            new Option<SlaDuration>("--within")
            {
                Description = "A duration of the policy language: '4 business hours', '8 business days', '24 hours', '7 days'.",
                HelpName = "DURATION",
                CustomParser = result =>
                {
                    var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
                    if (SlaDuration.TryParse(text, out var duration))
                    {
                        return duration;
                    }

                    result.AddError($"--within '{text}' is not a duration; write it like \"4 business hours\", \"8 business days\", \"24 hours\" or \"7 days\".");
                    return default;
                },
            },
            "\"4 business hours\"");
        var zone = CliOptions.Zone("Print the deadline in this zone: utc (default), calendar (the calendar's zone, with its offset) or an IANA id.");
        var command = new Command("due", "Print the deadline of a duration from an instant on a calendar.") { policy, calendar, from, within, zone };
        command.SetAction(result =>
            Run(command, result.GetValue(policy)!, result.GetValue(calendar)!, result.GetValue(from), result.GetValue(within), result.GetValue(zone)!, context));
        return command.WithHelp(
            "Prints the deadline instant of DURATION from INSTANT on the policy's calendar NAME.",
            "slaengine due --policy samples/policies/rank-bands.yaml --calendar us-sales --from 2026-11-20T15:30:00Z --within \"2 business hours\"\n2026-11-20T18:30:00Z",
            "slaengine due --policy samples/policies/rank-bands.yaml --calendar us-sales --from now --within \"8 business days\" --zone calendar");
    }

    private static int Run(Command command, string policyPath, string calendarName, NodaTime.Instant from, SlaDuration within, TimeZoneChoice zone, CliContext context)
    {
        var policy = PolicyFiles.Load(policyPath, context.Error);
        if (policy is null)
        {
            return Program.ExitFailure;
        }

        if (!policy.TryGetCalendar(calendarName, out var calendar))
        {
            return Program.UsageError(context, command, $"--calendar '{calendarName}' is not defined in {policyPath}; it defines: {string.Join(", ", policy.Calendars.Select(c => c.Name))}.");
        }

        try
        {
            context.Out.WriteLine(zone.Show(calendar.Add(from, within), calendar.Zone));
        }
        catch (ArgumentOutOfRangeException)
        {
            // Business-time arithmetic throws this, and only this, when the deadline leaves the supported years.
            context.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"slaengine due: the deadline falls outside the years business time supports ({BusinessCalendar.MinYear}–{BusinessCalendar.MaxYear})"));
            return Program.ExitInvalidInput;
        }

        return Program.ExitOk;
    }
}
