using System.CommandLine;

namespace SlaEngine.Cli.Commands;

/// <summary>
/// <c>slaengine import --map MAP.yaml --leads LEADS.csv [--touches T.csv] [--events E.csv]</c>: CRM exports (CSV) to
/// lead snapshots, one JSON line per row of the leads file, in its order.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Defines the command.</summary>
    internal static Command Create(CliContext context)
    {
        var map = CliOptions.RequiredFile("--map", "The map file (YAML) saying how to read the CRM export.", "salesforce.map.yaml");
        var leads = CliOptions.RequiredFile("--leads", "The leads file (CSV) of the export.", "lead-report.csv");
        var touches = new Option<string>("--touches") { Description = "The activities file (CSV): calls, emails, meetings.", HelpName = "FILE" };
        var events = new Option<string>("--events") { Description = "The campaign responses file (CSV).", HelpName = "FILE" };
        var command = new Command("import", "CRM exports (CSV) to lead snapshots (JSONL), with a map file and located errors.") { map, leads, touches, events };
        command.SetAction(result => Run(
            new ImportInput.Settings(result.GetValue(map)!, result.GetValue(leads)!, result.GetValue(touches), result.GetValue(events)),
            context.Out,
            context.Error));
        return command.WithHelp(
            "Reads a CRM export (a leads file and optionally a touches (activities) file and an events (campaign responses) file, joined by lead id) as the map says, and prints one lead JSON line per row of the leads file, in its order: the input of evaluate, report, compare and timeline. A lead row that cannot be read gets {\"id\":…,\"error\":{\"code\":…,\"message\":…,\"file\":…,\"line\":N,\"column\":N}} and the exit code is 3 (every other lead is still written). Activity rows that are skipped, daylight-saving adjustments and date-only values are warnings on stderr (file:line:column: warning CODE: message), with a count at the end. Exit 1 when the map has errors. See docs/import.md.",
            "slaengine import --map samples/import/salesforce/salesforce.map.yaml --leads samples/import/salesforce/lead-report.csv --touches samples/import/salesforce/task-report.csv > leads.jsonl",
            "slaengine import --map samples/import/hubspot/hubspot.map.yaml --leads samples/import/hubspot/contacts.csv --touches samples/import/hubspot/engagements.csv");
    }

    internal static int Run(ImportInput.Settings settings, TextWriter stdout, TextWriter stderr)
    {
        using var reader = ImportInput.Open(settings, stderr, out var exit);
        if (reader is null)
        {
            return exit;
        }

        var ok = ImportInput.WriteJsonLines(reader, stdout);
        return ImportInput.Finish(reader, stderr) && ok ? Program.ExitOk : Program.ExitInvalidInput;
    }
}
