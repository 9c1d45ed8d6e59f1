using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Import.Maps;

/// <summary>Turns a map file's YAML tree into an <see cref="ImportMap"/>, reporting every problem with its position.</summary>
internal sealed class MapCompiler
{
    private static readonly string[] TopKeys = ["zone", "date_format", "separator", "leads", "touches", "events"];
    private static readonly string[] LeadKeys = ["id", "mql_at", "attributes", "disposition"];
    private static readonly string[] DispositionKeys = ["outcome", "at"];
    private static readonly string[] TouchKeys = ["lead", "at", "channel", "outcome"];
    private static readonly string[] EventKeys = ["lead", "type", "at"];
    private static readonly string[] Outcomes = ["convert", "defer", "recycle"];

    private readonly MapDiagnostics _diagnostics;
    private DateTimeZone _zone = DateTimeZone.Utc;
    private ImmutableArray<DateFormat> _formats = DateTimeReader.DefaultFormats;

    private MapCompiler(MapDiagnostics diagnostics)
    {
        _diagnostics = diagnostics;
    }

    [Flags]
    private enum Extras
    {
        None = 0,
        Values = 1,
        Type = 2,
        Dates = 4,
    }

    public static ImportMap? Compile(MapNode root, string sourceName, MapDiagnostics diagnostics) =>
        new MapCompiler(diagnostics).CompileRoot(root, sourceName);

    private ImportMap? CompileRoot(MapNode root, string sourceName)
    {
        if (Mapping(root, "the map file") is not { } top)
        {
            return null;
        }

        var entries = Entries(top, TopKeys, "the map file");
        if (entries.TryGetValue("zone", out var zoneNode))
        {
            _zone = Zone(zoneNode) ?? DateTimeZone.Utc;
        }
        else
        {
            _diagnostics.Warning(ImportDiagnosticCodes.MapNoZone, top.Line, top.Column, "the map names no `zone`: date-times written without an offset are read as UTC");
        }

        if (entries.TryGetValue("date_format", out var formatNode))
        {
            _formats = Formats(formatNode) ?? _formats;
        }

        var separator = ',';
        if (entries.TryGetValue("separator", out var separatorNode) && Text(separatorNode, "separator") is { } separatorText)
        {
            var unescaped = separatorText is "\\t" or "tab" ? "\t" : separatorText;
            if (unescaped.Length != 1 || unescaped[0] is '"' or '\r' or '\n')
            {
                _diagnostics.Error(ImportDiagnosticCodes.MapInvalidValue, separatorNode.Line, separatorNode.Column, "`separator` must be one character other than a quote or a line break, such as , or ; or tab");
            }
            else
            {
                separator = unescaped[0];
            }
        }

        LeadMap? leads = null;
        if (entries.TryGetValue("leads", out var leadsNode))
        {
            leads = Leads(leadsNode);
        }
        else
        {
            _diagnostics.Error(ImportDiagnosticCodes.MapMissingKey, top.Line, top.Column, "`leads` is required: it names at least the lead id column");
        }

        var touches = entries.TryGetValue("touches", out var touchesNode) ? Touches(touchesNode) : null;
        var events = entries.TryGetValue("events", out var eventsNode) ? Events(eventsNode) : null;
        return leads is null ? null : new ImportMap(sourceName, _zone, _formats, separator, leads, touches, events);
    }

    private LeadMap? Leads(MapNode node)
    {
        if (Mapping(node, "`leads`") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, LeadKeys, "`leads`");
        var id = Required(entries, mapping, "id", "`leads`", Extras.None);
        var mqlAt = entries.TryGetValue("mql_at", out var mqlNode) ? Column(mqlNode, "mql_at", Extras.Dates) : null;
        var attributes = ImmutableArray.CreateBuilder<KeyValuePair<string, ColumnMap>>();
        if (entries.TryGetValue("attributes", out var attributesNode) && Mapping(attributesNode, "`attributes`") is { } attributeMap)
        {
            foreach (var (key, value) in attributeMap.Entries)
            {
                if (key.Value.Length == 0)
                {
                    _diagnostics.Error(ImportDiagnosticCodes.MapInvalidValue, key.Line, key.Column, "an attribute name must not be empty");
                    continue;
                }

                if (Column(value, key.Value, Extras.Type | Extras.Values) is { } column)
                {
                    attributes.Add(new(key.Value, column));
                }
            }
        }

        ColumnMap? outcome = null;
        ColumnMap? at = null;
        if (entries.TryGetValue("disposition", out var dispositionNode) && Mapping(dispositionNode, "`disposition`") is { } disposition)
        {
            var dispositionEntries = Entries(disposition, DispositionKeys, "`disposition`");
            outcome = Required(dispositionEntries, disposition, "outcome", "`disposition`", Extras.Values);
            at = Required(dispositionEntries, disposition, "at", "`disposition`", Extras.Dates);
            if (outcome?.Values is { } table)
            {
                CheckOutcomes(dispositionEntries["outcome"]);
            }
            else if (outcome is not null)
            {
                _diagnostics.Error(ImportDiagnosticCodes.MapMissingKey, outcome.Line, outcome.Column, "the disposition `outcome` needs a `values` table from the column's statuses to convert, defer or recycle");
            }
        }

        return id is null ? null : new LeadMap { Id = id, MqlAt = mqlAt, Attributes = attributes.ToImmutable(), DispositionOutcome = outcome, DispositionAt = at };
    }

    private void CheckOutcomes(MapNode outcomeNode)
    {
        if (outcomeNode is not MapMapping outcome || outcome.Entries.FirstOrDefault(e => e.Key.Value == "values").Value is not MapMapping values)
        {
            return;
        }

        foreach (var (_, value) in values.Entries)
        {
            if (value is MapScalar { IsNull: false } scalar && !Outcomes.Contains(scalar.Value, StringComparer.Ordinal))
            {
                _diagnostics.Error(ImportDiagnosticCodes.MapInvalidValue, scalar.Line, scalar.Column, "`" + scalar.Value + "` is not a disposition outcome: use convert, defer or recycle" + ImportText.DidYouMean(scalar.Value, Outcomes));
            }
        }
    }

    private TouchMap? Touches(MapNode node)
    {
        if (Mapping(node, "`touches`") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, TouchKeys, "`touches`");
        var lead = Required(entries, mapping, "lead", "`touches`", Extras.None);
        var at = Required(entries, mapping, "at", "`touches`", Extras.Dates);
        var channel = Required(entries, mapping, "channel", "`touches`", Extras.Values);
        var outcome = entries.TryGetValue("outcome", out var outcomeNode) ? Column(outcomeNode, "outcome", Extras.Values) : null;
        return lead is null || at is null || channel is null ? null : new TouchMap { Lead = lead, At = at, Channel = channel, Outcome = outcome };
    }

    private EventMap? Events(MapNode node)
    {
        if (Mapping(node, "`events`") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, EventKeys, "`events`");
        var lead = Required(entries, mapping, "lead", "`events`", Extras.None);
        var type = Required(entries, mapping, "type", "`events`", Extras.Values);
        var at = Required(entries, mapping, "at", "`events`", Extras.Dates);
        return lead is null || at is null || type is null ? null : new EventMap { Lead = lead, At = at, Type = type };
    }

    private ColumnMap? Required(Dictionary<string, MapNode> entries, MapMapping owner, string key, string where, Extras extras)
    {
        if (entries.TryGetValue(key, out var node))
        {
            return Column(node, key, extras);
        }

        _diagnostics.Error(ImportDiagnosticCodes.MapMissingKey, owner.Line, owner.Column, "`" + key + "` is required in " + where);
        return null;
    }

    /// <summary>A column: its name, or a mapping with <c>column</c> and the extras allowed here.</summary>
    private ColumnMap? Column(MapNode node, string key, Extras extras)
    {
        if (node is MapScalar scalar)
        {
            return ColumnName(scalar, key) is { } name
                ? new ColumnMap(name, scalar.Line, scalar.Column) { Dates = (extras & Extras.Dates) != 0 ? new DateTimeReader(_formats, _zone) : null }
                : null;
        }

        if (node is not MapMapping mapping)
        {
            _diagnostics.Error(ImportDiagnosticCodes.MapWrongKind, node.Line, node.Column, "`" + key + "` must be a column name or a mapping with `column`, not " + node.KindName);
            return null;
        }

        var allowed = new List<string> { "column" };
        if ((extras & Extras.Values) != 0)
        {
            allowed.Add("values");
        }

        if ((extras & Extras.Type) != 0)
        {
            allowed.Add("type");
        }

        if ((extras & Extras.Dates) != 0)
        {
            allowed.Add("date_format");
            allowed.Add("zone");
        }

        var entries = Entries(mapping, allowed, "`" + key + "`");
        if (!entries.TryGetValue("column", out var columnNode))
        {
            _diagnostics.Error(ImportDiagnosticCodes.MapMissingKey, mapping.Line, mapping.Column, "`column` is required in `" + key + "`: the CSV column's name");
            return null;
        }

        if (columnNode is not MapScalar columnScalar || ColumnName(columnScalar, key) is not { } columnName)
        {
            if (columnNode is not MapScalar)
            {
                _diagnostics.Error(ImportDiagnosticCodes.MapWrongKind, columnNode.Line, columnNode.Column, "`column` must be a column name, not " + columnNode.KindName);
            }

            return null;
        }

        var type = AttributeType.String;
        if (entries.TryGetValue("type", out var typeNode) && Text(typeNode, "type") is { } typeText)
        {
            switch (typeText)
            {
                case "string":
                    break;
                case "number":
                    type = AttributeType.Number;
                    break;
                case "bool":
                    type = AttributeType.Bool;
                    break;
                default:
                    _diagnostics.Error(ImportDiagnosticCodes.MapInvalidValue, typeNode.Line, typeNode.Column, "`" + typeText + "` is not an attribute type: use number, string or bool" + ImportText.DidYouMean(typeText, ["number", "string", "bool"]));
                    break;
            }
        }

        var values = entries.TryGetValue("values", out var valuesNode) ? Values(valuesNode) : null;
        DateTimeReader? dates = null;
        if ((extras & Extras.Dates) != 0)
        {
            var zone = entries.TryGetValue("zone", out var zoneNode) ? Zone(zoneNode) ?? _zone : _zone;
            var formats = entries.TryGetValue("date_format", out var formatNode) ? Formats(formatNode) ?? _formats : _formats;
            dates = new DateTimeReader(formats, zone);
        }

        return new ColumnMap(columnName, columnScalar.Line, columnScalar.Column) { Type = type, Values = values, Dates = dates };
    }

    private string? ColumnName(MapScalar scalar, string key)
    {
        if (scalar.IsNull || scalar.Value.Trim().Length == 0)
        {
            _diagnostics.Error(ImportDiagnosticCodes.MapInvalidValue, scalar.Line, scalar.Column, "`" + key + "` needs a column name");
            return null;
        }

        return scalar.Value.Trim();
    }

    private FrozenDictionary<string, string?>? Values(MapNode node)
    {
        if (Mapping(node, "`values`") is not { } mapping)
        {
            return null;
        }

        var table = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Entries)
        {
            string? mapped;
            if (value is MapScalar scalar)
            {
                mapped = scalar.IsNull ? null : scalar.Value;
            }
            else
            {
                _diagnostics.Error(ImportDiagnosticCodes.MapWrongKind, value.Line, value.Column, "a `values` entry maps a CSV value to one value (or to null to skip it), not to " + value.KindName);
                continue;
            }

            if (!table.TryAdd(key.Value.Trim(), mapped))
            {
                _diagnostics.Error(ImportDiagnosticCodes.MapUnknownKey, key.Line, key.Column, "`" + key.Value + "` appears twice in this `values` table (CSV values match case-insensitively)");
            }
        }

        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private DateTimeZone? Zone(MapNode node)
    {
        if (Text(node, "zone") is not { } id)
        {
            return null;
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone)
        {
            return zone;
        }

        _diagnostics.Error(ImportDiagnosticCodes.MapInvalidZone, node.Line, node.Column, "`" + id + "` is not an IANA time zone id (such as America/New_York or Europe/London)" + ImportText.DidYouMean(id, DateTimeZoneProviders.Tzdb.Ids));
        return null;
    }

    private ImmutableArray<DateFormat>? Formats(MapNode node)
    {
        var items = node is MapSequence sequence ? sequence.Items : [node];
        if (items.Count == 0)
        {
            _diagnostics.Error(ImportDiagnosticCodes.MapInvalidDateFormat, node.Line, node.Column, "`date_format` lists no format");
            return null;
        }

        var formats = ImmutableArray.CreateBuilder<DateFormat>();
        var ok = true;
        foreach (var item in items)
        {
            if (Text(item, "date_format") is not { } pattern)
            {
                ok = false;
                continue;
            }

            if (DateFormat.TryCreate(pattern, out var problem) is { } format)
            {
                formats.Add(format);
            }
            else
            {
                _diagnostics.Error(ImportDiagnosticCodes.MapInvalidDateFormat, item.Line, item.Column, problem!);
                ok = false;
            }
        }

        return ok ? formats.ToImmutable() : null;
    }

    private string? Text(MapNode node, string key)
    {
        if (node is MapScalar { IsNull: false } scalar && scalar.Value.Length > 0)
        {
            return scalar.Value;
        }

        _diagnostics.Error(ImportDiagnosticCodes.MapWrongKind, node.Line, node.Column, "`" + key + "` must be a single value, not " + node.KindName);
        return null;
    }

    private MapMapping? Mapping(MapNode node, string what)
    {
        if (node is MapMapping mapping)
        {
            return mapping;
        }

        _diagnostics.Error(ImportDiagnosticCodes.MapWrongKind, node.Line, node.Column, what + " must be a mapping, not " + node.KindName);
        return null;
    }

    private Dictionary<string, MapNode> Entries(MapMapping mapping, IReadOnlyList<string> allowed, string where)
    {
        var entries = new Dictionary<string, MapNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (allowed.Contains(key.Value))
            {
                entries[key.Value] = value;
            }
            else
            {
                _diagnostics.Error(ImportDiagnosticCodes.MapUnknownKey, key.Line, key.Column, "`" + key.Value + "` is not a key of " + where + " (known: " + string.Join(", ", allowed) + ")" + ImportText.DidYouMean(key.Value, allowed));
            }
        }

        return entries;
    }
}
