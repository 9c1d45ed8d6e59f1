using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Import.Maps;

namespace SlaEngine.Import;

/// <summary>
/// A loaded map file: which CSV columns of a CRM export hold a lead's id, SLA start, attributes and disposition, and
/// which hold its touches and events, with the zone and formats of their date-times. Create one with
/// <see cref="ImportMapLoader"/>; read exports with it through <see cref="LeadCsvReader"/>.
/// </summary>
/// <remarks>Immutable and thread-safe: one map can serve any number of imports at once.</remarks>
public sealed class ImportMap
{
    internal ImportMap(string sourceName, DateTimeZone zone, ImmutableArray<DateFormat> formats, char separator, LeadMap leads, TouchMap? touches, EventMap? events)
    {
        SourceName = sourceName;
        Zone = zone;
        DateFormatList = formats;
        Separator = separator;
        Leads = leads;
        Touches = touches;
        Events = events;
    }

    /// <summary>Gets the name of the map file (used in diagnostics).</summary>
    public string SourceName { get; }

    /// <summary>Gets the zone in which date-times written without an offset are read (the map's <c>zone</c>; UTC when it names none).</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the map-wide date-time formats, tried in order (the map's <c>date_format</c>, or the ISO-8601 defaults).</summary>
    public ImmutableArray<string> DateFormats => [.. DateFormatList.Select(f => f.Pattern)];

    /// <summary>Gets the field separator of the CSV files (the map's <c>separator</c>; a comma by default).</summary>
    public char Separator { get; }

    /// <summary>Gets a value indicating whether the map reads a touches (activities) file.</summary>
    public bool HasTouches => Touches is not null;

    /// <summary>Gets a value indicating whether the map reads an events (campaign responses) file.</summary>
    public bool HasEvents => Events is not null;

    /// <summary>Gets the lead attribute names the map fills, in map order.</summary>
    public ImmutableArray<string> AttributeNames => [.. Leads.Attributes.Select(a => a.Key)];

    internal ImmutableArray<DateFormat> DateFormatList { get; }

    internal LeadMap Leads { get; }

    internal TouchMap? Touches { get; }

    internal EventMap? Events { get; }
}
