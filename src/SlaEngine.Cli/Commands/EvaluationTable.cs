using System.Globalization;
using SlaEngine.Evaluation;

namespace SlaEngine.Cli.Commands;

/// <summary>
/// A readable, fixed-width table of evaluations for <c>--format table</c>, with statuses in colour when writing to a
/// terminal (never when output is redirected or <c>NO_COLOR</c> is set).
/// </summary>
internal sealed class EvaluationTable(CliContext context, SlaEngine.Policies.SlaPolicy policy, TimeZoneChoice zone, bool explain)
{
    private readonly TextWriter output = context.Out;
    private readonly bool colour = context.Decorate;

    internal (SlaEngine.Policies.SlaPolicy Policy, TimeZoneChoice Zone, bool Explain) Settings { get; } = (policy, zone, explain);

    private const int ReasonWidth = 48;
    private readonly List<string[]> _rows = [["line", "id", "status", "tier", "team", "reason", "next touch", "milestones"]];

    internal void Add(EvaluateCommand.LeadOutcome outcome)
    {
        var line = outcome.Line.ToString(CultureInfo.InvariantCulture);
        if (outcome.Evaluation is not { } e)
        {
            _rows.Add([line, outcome.Id ?? "?", "error", "-", "-", Shorten($"{outcome.ErrorCode}: {outcome.ErrorMessage}"), "-", string.Empty]);
        }
        else
        {
            var milestones = string.Join(", ", e.Milestones.Select(m => $"{m.Name}={Paint(EvaluationJson.StatusText(m.Status))}"));
            var next = e.NextTouch is { } n ? $"{n.Channel} by {EvaluationJson.FormatInstant(n.Due)}" : "-";
            _rows.Add([line, e.Id, EvaluationJson.StatusText(e.Status), e.Tier ?? "-", e.Team ?? "-", Shorten(e.Reason), next, milestones]);
        }

        if (_rows.Count >= 1000)
        {
            Flush();
        }
    }

    internal void Flush()
    {
        if (_rows.Count == 0)
        {
            return;
        }

        var widths = Enumerable.Range(0, _rows[0].Length).Select(c => _rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in _rows)
        {
            var cells = row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c])).ToArray();
            cells[2] = Paint(cells[2]);
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }

        _rows.Clear();
    }

    private static string Shorten(string text) => text.Length <= ReasonWidth ? text : text[..(ReasonWidth - 1)] + "…";

    /// <summary>Colours a (possibly padded) status: red for breaches and errors, yellow for risk and lateness, green for met.</summary>
    private string Paint(string text)
    {
        if (!colour)
        {
            return text;
        }

        var code = text.TrimEnd() switch
        {
            "breached" or "error" or "recycle_due" => "31",
            "at_risk" or "met_late" => "33",
            "met" or "mql" or "converted" => "32",
            "excluded" or "nurture" or "not_applicable" => "2",
            _ => null,
        };
        return code is null ? text : $"\u001b[{code}m{text}\u001b[0m";
    }
}
