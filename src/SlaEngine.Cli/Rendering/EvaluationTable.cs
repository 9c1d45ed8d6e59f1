using NodaTime;
using SlaEngine.Cli.Commands;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SlaEngine.Cli.Rendering;

/// <summary>
/// <c>evaluate --format table</c>: one row per lead line — its status with tier, band and team, the next touch, each
/// milestone with its status and due, and the reason with the line's warnings — streamed under one header. Column widths are decided once, from
/// the width (the terminal's, or <c>COLUMNS</c>, or 120) and the policy's names, so a million rows keep one header and
/// one alignment while memory stays flat; long cells wrap inside their column. With <c>--explain</c> each lead's trace
/// follows its row as a tree. Colours only on a terminal (<see cref="Terminal"/>).
/// </summary>
internal sealed class EvaluationTable
{
    private const int Gap = 2;
    private readonly IAnsiConsole _console;
    private readonly SlaPolicy _policy;
    private readonly TimeZoneChoice _zone;
    private readonly bool _explain;
    private readonly int[] _widths;
    private readonly bool _decorate;

    internal EvaluationTable(CliContext context, SlaPolicy policy, TimeZoneChoice zone, bool explain)
    {
        _console = Terminal.Out(context);
        _policy = policy;
        _zone = zone;
        _explain = explain;
        _decorate = context.OutIsTerminal;
        var names = policy.Tiers.Select(t => t.Name).Concat(policy.Teams).Append("recycle_due");
        var statusWidth = Math.Clamp(names.Max(n => n.Length) + 2, 11, 24);
        ColumnSpec[] columns =
        [
            new("line", 4, 5),
            new("lead", 8, 14),
            new("status", 11, statusWidth),
            new("next touch", 11, 22),
            new("milestones", 16, 44, Share: 1),
            new("reason", 12, 40, Share: 1),
        ];
        _widths = ColumnSpec.Fit(columns, context.Width, Gap);
        var header = new Style(decoration: _decorate ? Decoration.Bold : Decoration.None);
        _console.Write(new FixedRow([.. columns.Select(c => new Text(c.Header, header))], _widths, Gap));
    }

    /// <summary>Writes one lead line's row (and its trace with <c>--explain</c>).</summary>
    internal void Add(EvaluateCommand.LeadOutcome outcome)
    {
        var line = new Text(outcome.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (outcome.Evaluation is not { } e)
        {
            _console.Write(new FixedRow(
                [line, new Text(outcome.Id ?? "?"), new Text("error", StatusStyle.Of("error")), new Text("-"), new Text(string.Empty), new Text($"{outcome.ErrorCode}: {outcome.ErrorMessage}")],
                _widths,
                Gap));
            return;
        }

        var zone = ZoneOf(e);
        var status = new Paragraph();
        status.Append(EvaluationJson.StatusText(e.Status), StatusStyle.Of(EvaluationJson.StatusText(e.Status)));
        foreach (var detail in new[] { e.Tier is null ? null : e.Tier + (e.Band is null ? string.Empty : " (" + e.Band + ")"), e.Team })
        {
            if (detail is not null)
            {
                status.Append("\n" + detail);
            }
        }

        var next = e.NextTouch is { } n ? new Text($"{n.Channel} by\n{TimeText.Format(n.Due, zone)}\n({n.Milestone})") : new Text("-");
        var milestones = new Paragraph();
        for (var i = 0; i < e.Milestones.Length; i++)
        {
            var m = e.Milestones[i];
            var text = EvaluationJson.StatusText(m.Status);
            milestones.Append((i == 0 ? string.Empty : "\n") + m.Name + " ");
            milestones.Append(text, StatusStyle.Of(text));
            milestones.Append(m.Due is { } due ? " " + TimeText.Format(due, zone) : string.Empty);
        }

        var reason = new Paragraph(ZoneText.Localize(e.Reason, zone, TimeText.Format));
        foreach (var warning in e.Warnings)
        {
            // The warnings of the output line (lead data that does not match the policy, a hand-off after --at).
            reason.Append("\nwarning ", StatusStyle.Of("warning"));
            reason.Append(ZoneText.Localize(warning.ToString(), zone, TimeText.Format));
        }

        _console.Write(new FixedRow([line, new Text(e.Id), status, next, milestones, reason], _widths, Gap));
        if (_explain)
        {
            _console.Write(new Indented(Trace(e, zone, _decorate), _widths[0] + Gap));
        }
    }

    /// <summary>Flushes what was written (rows are written as they come).</summary>
    internal void Flush() => _console.Profile.Out.Writer.Flush();

    /// <summary>The explanation of one lead as a tree: one branch per stage, one leaf per rule tried.</summary>
    internal static Tree Trace(LeadEvaluation evaluation, DateTimeZone? zone, bool unicode)
    {
        var tree = new Tree(new Text("trace of " + evaluation.Id)) { Guide = unicode ? TreeGuide.Line : TreeGuide.Ascii };
        TreeNode? stage = null;
        string? stageName = null;
        foreach (var entry in evaluation.Trace)
        {
            if (stage is null || entry.Stage != stageName)
            {
                stageName = entry.Stage;
                stage = tree.AddNode(new Text(entry.Stage));
            }

            var leaf = new Paragraph();
            leaf.Append(entry.Rule);
            if (entry.Result is { } result)
            {
                leaf.Append(result ? " yes" : " no", StatusStyle.Of(result ? "met" : "breached"));
            }

            if (entry.Detail.Length > 0)
            {
                leaf.Append(": " + ZoneText.Localize(entry.Detail, zone, TimeText.Format));
            }

            if (!entry.Values.IsDefaultOrEmpty)
            {
                leaf.Append(" (" + string.Join(", ", entry.Values.Select(v => v.Key + " = " + v.Value)) + ")", new Style(decoration: Decoration.Dim));
            }

            stage.AddNode(leaf);
        }

        return tree;
    }

    private DateTimeZone? ZoneOf(LeadEvaluation evaluation) =>
        _zone.Resolve(evaluation.Calendar is { } name && _policy.TryGetCalendar(name, out var calendar) ? calendar.Zone : null);
}
