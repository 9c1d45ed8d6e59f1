namespace SlaEngine.Import;

/// <summary>
/// The stable codes of the diagnostics that importing CRM exports reports (SLA1800–SLA1899): the map file
/// (SLA1800–SLA1819), the CSV files (SLA1820–SLA1829), lead rows (SLA1830–SLA1839), activity rows (SLA1840–SLA1849)
/// and date-times (SLA1850–SLA1859). Codes never change meaning; every code is listed in <c>docs/error-codes.md</c>.
/// </summary>
public static class ImportDiagnosticCodes
{
    /// <summary>SLA1800: the map file cannot be read.</summary>
    public const string MapUnreadable = "SLA1800";

    /// <summary>SLA1801: the map file is not well-formed YAML, or holds no document.</summary>
    public const string MapYamlSyntax = "SLA1801";

    /// <summary>SLA1802: the map file uses YAML that a map does not allow: a type tag, an anchor or alias, more than one document, more than 1 MiB, or nesting deeper than 64.</summary>
    public const string MapYamlNotAllowed = "SLA1802";

    /// <summary>SLA1803: a key of the map file is not known here (with a "did you mean" hint), or appears twice.</summary>
    public const string MapUnknownKey = "SLA1803";

    /// <summary>SLA1804: a required key of the map file is missing (<c>leads</c>, <c>leads.id</c>, a touch's <c>lead</c>, <c>at</c> or <c>channel</c>…).</summary>
    public const string MapMissingKey = "SLA1804";

    /// <summary>SLA1805: a map value has the wrong shape: a mapping, a list or a single value was expected.</summary>
    public const string MapWrongKind = "SLA1805";

    /// <summary>SLA1806: a <c>zone</c> is not a time zone id of the IANA time zone database.</summary>
    public const string MapInvalidZone = "SLA1806";

    /// <summary>SLA1807: a <c>date_format</c> is empty or not a usable .NET custom date and time format.</summary>
    public const string MapInvalidDateFormat = "SLA1807";

    /// <summary>SLA1808: a map value is invalid: an attribute type other than number, string or bool; a disposition outcome other than convert, defer or recycle; an empty column name; a separator that is not one character.</summary>
    public const string MapInvalidValue = "SLA1808";

    /// <summary>SLA1809: warning: the map names no <c>zone</c>, so date-times written without an offset are read as UTC.</summary>
    public const string MapNoZone = "SLA1809";

    /// <summary>SLA1820: a CSV file cannot be opened or read.</summary>
    public const string CsvUnreadable = "SLA1820";

    /// <summary>SLA1821: a column the map names is not in the CSV file's header; the message lists the columns that are.</summary>
    public const string CsvMissingColumn = "SLA1821";

    /// <summary>SLA1822: a CSV file is empty: it has no header row.</summary>
    public const string CsvEmpty = "SLA1822";

    /// <summary>SLA1823: a row's quoting is malformed. A quoted field that is never closed (the rest of the file would be one value) is an error for a lead row and skips an activity row; a quote inside an unquoted field (kept as text) or text after a closing quote (appended) is a warning.</summary>
    public const string CsvMalformedQuotes = "SLA1823";

    /// <summary>SLA1824: a column the map names appears more than once in the CSV header (names match case-insensitively).</summary>
    public const string CsvDuplicateColumn = "SLA1824";

    /// <summary>SLA1830: a lead row has no id.</summary>
    public const string LeadMissingId = "SLA1830";

    /// <summary>SLA1831: a lead id appears in an earlier row of the leads file; the first row wins and gets the activities.</summary>
    public const string LeadDuplicateId = "SLA1831";

    /// <summary>SLA1832: a date-time does not match the column's <c>date_format</c> (nor ISO-8601 with an offset).</summary>
    public const string InvalidDateTime = "SLA1832";

    /// <summary>SLA1833: a value of a <c>number</c> column is not a number.</summary>
    public const string InvalidNumber = "SLA1833";

    /// <summary>SLA1834: a value of a <c>bool</c> column is not true/false, yes/no, y/n or 1/0.</summary>
    public const string InvalidBoolean = "SLA1834";

    /// <summary>SLA1835: a value is not in the column's <c>values</c> table.</summary>
    public const string ValueNotInTable = "SLA1835";

    /// <summary>SLA1836: a row ends before a column the map reads (fewer fields than the header).</summary>
    public const string MissingField = "SLA1836";

    /// <summary>SLA1837: a lead has a disposition outcome but no disposition date-time.</summary>
    public const string DispositionWithoutDate = "SLA1837";

    /// <summary>SLA1840: warning: an activity row refers to a lead id that is not in the leads file.</summary>
    public const string ActivityUnknownLead = "SLA1840";

    /// <summary>SLA1841: warning: an activity row has no lead id.</summary>
    public const string ActivityMissingLead = "SLA1841";

    /// <summary>SLA1842: warning: an activity row has an empty value where the map needs one (its date-time, channel or type).</summary>
    public const string ActivityMissingValue = "SLA1842";

    /// <summary>SLA1850: warning: a local date-time does not exist in the zone (skipped by a daylight-saving gap); it is moved forward by the length of the gap.</summary>
    public const string DateTimeSkipped = "SLA1850";

    /// <summary>SLA1851: warning: a local date-time occurs twice in the zone (a daylight-saving overlap); the earlier instant is taken.</summary>
    public const string DateTimeAmbiguous = "SLA1851";

    /// <summary>SLA1852: warning: a column holds dates without a time of day where an instant is needed; the start of the day (00:00) in the zone is taken.</summary>
    public const string DateWithoutTime = "SLA1852";
}
