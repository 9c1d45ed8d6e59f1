using System.Globalization;
using SlaEngine.Authoring;
using SlaEngine.Reporting;
using Spectre.Console;

namespace SlaEngine.Cli.Rendering;

/// <summary>
/// <c>compare --format table</c>: each differing field of each lead as a row streamed under one header (fixed widths
/// decided once from the width, cells wrapped, never cut), then the totals of both policies side by side with their
/// full labels. Instants in changed values follow <c>--zone</c>.
/// </summary>
internal sealed class ComparisonTable
{
    private const int Gap = 2;
    private readonly IAnsiConsole _console;
    private readonly int[] _widths;
    private readonly bool _terminal;
    private readonly TimeZoneChoice _zone;
    private readonly Policies.SlaPolicy _policy;

    /// <summary>Starts the table; <c>--zone calendar</c> shows each lead's instants in its calendar under the base policy.</summary>
    internal ComparisonTable(CliContext context, TimeZoneChoice zone, Policies.SlaPolicy basePolicy)
    {
        _console = Terminal.Out(context);
        _terminal = context.OutIsTerminal;
        _zone = zone;
        _policy = basePolicy;
        ColumnSpec[] columns = [new("lead", 8, 16), new("field", 12, 36), new("base", 10, 30, Share: 1), new("candidate", 10, 30, Share: 1)];
        _widths = ColumnSpec.Fit(columns, context.Width, Gap);
        var header = new Style(decoration: _terminal ? Decoration.Bold : Decoration.None);
        _console.Write(new FixedRow([.. columns.Select(c => new Text(c.Header, header))], _widths, Gap));
    }

    /// <summary>Writes the changes of one lead.</summary>
    internal void Add(LeadComparison comparison)
    {
        var calendar = comparison.Base.Calendar ?? comparison.Candidate.Calendar;
        var zone = _zone.Resolve(calendar is not null && _policy.TryGetCalendar(calendar, out var found) ? found.Zone : null);
        foreach (var change in comparison.Changes)
        {
            _console.Write(new FixedRow([new Text(comparison.Id), new Text(change.Field), Value(change.Base, zone), Value(change.Candidate, zone)], _widths, Gap));
        }
    }

    /// <summary>Writes an invalid lead line.</summary>
    internal void Error(int line, string? id, string? code, string? message) =>
        _console.Write(new FixedRow(
            [new Text(id ?? "?"), new Text(string.Create(CultureInfo.InvariantCulture, $"error (line {line})"), StatusStyle.Of("error")), new Text($"{code}: {message}"), new Text(string.Empty)],
            _widths,
            Gap));

    /// <summary>Writes the totals.</summary>
    internal void Totals(PolicyComparisonTotals totals)
    {
        _console.WriteLine();
        _console.Write(new Indented(new Text($"{CliText.Count(totals.Leads, "lead")}, {Number(totals.Differing)} differ")));
        var table = ReportTables.NewTable(_terminal, "total", "base", "candidate");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var status in totals.Base.ByStatus.Keys.Union(totals.Candidate.ByStatus.Keys).Order(StringComparer.Ordinal))
        {
            AddRow(table, "status " + status, Count(totals.Base.ByStatus, status), Count(totals.Candidate.ByStatus, status));
        }

        foreach (var tier in totals.Base.ByTier.Keys.Union(totals.Candidate.ByTier.Keys).Order(StringComparer.Ordinal))
        {
            AddRow(table, "tier " + tier, Count(totals.Base.ByTier, tier), Count(totals.Candidate.ByTier, tier));
        }

        AddRow(table, "breached milestones", Number(totals.Base.Breaches), Number(totals.Candidate.Breaches));
        AddRow(table, "breached leads", Number(totals.Base.BreachedLeads), Number(totals.Candidate.BreachedLeads));
        AddRow(table, "leakage", Number(totals.Base.Leakage), Number(totals.Candidate.Leakage));
        var teams = totals.Base.TouchLoad.Select(l => (l.Team, l.Calendar)).Union(totals.Candidate.TouchLoad.Select(l => (l.Team, l.Calendar)))
            .OrderBy(t => t.Team, StringComparer.Ordinal).ThenBy(t => t.Calendar, StringComparer.Ordinal);
        foreach (var (team, calendar) in teams)
        {
            AddRow(table, $"touches per business day, team {team} ({calendar})", Load(totals.Base, team, calendar), Load(totals.Candidate, team, calendar));
        }

        _console.Write(new Indented(table));
    }

    /// <summary>Adds a row of plain texts (Spectre's string overload would read [brackets] in names as markup).</summary>
    private static void AddRow(Table table, params string[] cells) => table.AddRow([.. cells.Select(c => new Text(c))]);

    private static Text Value(string? value, NodaTime.DateTimeZone? zone) => new(value is null ? "null" : ZoneText.Localize(value, zone, TimeText.Format));

    private static string Count(IReadOnlyDictionary<string, int> counts, string key) => Number(counts.TryGetValue(key, out var n) ? n : 0);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Load(PolicyTotals totals, string team, string calendar) =>
        totals.TouchLoad.FirstOrDefault(l => l.Team == team && l.Calendar == calendar) is { PerBusinessDay: { } perDay }
            ? perDay.ToString("0.##", CultureInfo.InvariantCulture)
            : "-";
}
