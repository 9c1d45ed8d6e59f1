using SlaEngine.Evaluation;

namespace SlaEngine.Cli.Commands;

/// <summary>A readable, fixed-width table of evaluations for <c>--format table</c>.</summary>
internal sealed class EvaluationTable(TextWriter output)
{
    private readonly List<string[]> _rows = [["line", "id", "status", "tier", "team", "milestones", "next touch"]];

    internal void Add(EvaluateCommand.LeadOutcome outcome)
    {
        if (outcome.Evaluation is not { } e)
        {
            _rows.Add([outcome.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Id ?? "?", "error", string.Empty, string.Empty, $"{outcome.ErrorCode}: {outcome.ErrorMessage}", string.Empty]);
        }
        else
        {
            var milestones = string.Join(", ", e.Milestones.Select(m => $"{m.Name}={EvaluationJson.StatusText(m.Status)}"));
            var next = e.NextTouch is { } n ? $"{n.Channel} by {EvaluationJson.FormatInstant(n.Due)}" : "-";
            _rows.Add([outcome.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Id, EvaluationJson.StatusText(e.Status), e.Tier ?? "-", e.Team ?? "-", milestones, next]);
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
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }

        _rows.Clear();
    }
}
