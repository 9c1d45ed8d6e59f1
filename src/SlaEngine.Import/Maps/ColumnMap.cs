using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SlaEngine.Import.Maps;

/// <summary>The type a lead attribute column is read as.</summary>
internal enum AttributeType
{
    String,
    Number,
    Bool,
}

/// <summary>One CSV column the map reads, with how to read it. Immutable.</summary>
internal sealed class ColumnMap
{
    public ColumnMap(string name, int line, int column)
    {
        Name = name;
        Line = line;
        Column = column;
    }

    /// <summary>Gets the CSV column name as the map writes it (matched case-insensitively).</summary>
    public string Name { get; }

    /// <summary>Gets the map file line where the column is named.</summary>
    public int Line { get; }

    /// <summary>Gets the map file column where the column is named.</summary>
    public int Column { get; }

    /// <summary>Gets the value table (CSV text, trimmed and case-insensitive → mapped value; null skips the row), if any.</summary>
    public FrozenDictionary<string, string?>? Values { get; init; }

    /// <summary>Gets the attribute type.</summary>
    public AttributeType Type { get; init; }

    /// <summary>Gets how date-times of this column are read (date-time columns only).</summary>
    public DateTimeReader? Dates { get; init; }
}

/// <summary>The <c>touches</c> section.</summary>
internal sealed class TouchMap
{
    public required ColumnMap Lead { get; init; }

    public required ColumnMap At { get; init; }

    public required ColumnMap Channel { get; init; }

    public ColumnMap? Outcome { get; init; }
}

/// <summary>The <c>events</c> section.</summary>
internal sealed class EventMap
{
    public required ColumnMap Lead { get; init; }

    public required ColumnMap At { get; init; }

    public required ColumnMap Type { get; init; }
}

/// <summary>The <c>leads</c> section.</summary>
internal sealed class LeadMap
{
    public required ColumnMap Id { get; init; }

    public ColumnMap? MqlAt { get; init; }

    public ImmutableArray<KeyValuePair<string, ColumnMap>> Attributes { get; init; } = [];

    public ColumnMap? DispositionOutcome { get; init; }

    public ColumnMap? DispositionAt { get; init; }
}
