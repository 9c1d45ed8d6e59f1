using System.Collections.Immutable;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;
using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;
using SlaEngine.Import.Csv;
using SlaEngine.Import.Maps;
using SlaEngine.Import.Reading;
using SlaEngine.Diagnostics;

namespace SlaEngine.Import;

/// <summary>
/// Turns a CRM export — a leads file and optionally a touches (activities) file and an events (campaign responses)
/// file, joined by lead id — into lead snapshots, one per row of the leads file and in its order, each either a
/// snapshot or a located error. Nothing is dropped silently: an activity row that cannot be read, refers to an unknown
/// lead or carries a value outside its <c>values</c> table is a warning with its location; so is a date-time that a
/// daylight-saving change skips or repeats, and a date without a time where an instant is needed.
/// </summary>
/// <remarks>
/// <para>
/// Memory is bounded: the leads file is read twice, first for an index of its ids (a 128-bit hash of each id and its
/// row: about 40 bytes per lead), then to build the snapshots; activities go to temporary files by batch of leads, and
/// only one batch's activities is in memory at a time (<see cref="LeadCsvReaderOptions.LeadsPerBatch"/>). Without
/// activity files the leads file is read once.
/// </para>
/// <para>
/// Local date-times are placed in the zone with NodaTime's lenient resolver (<c>Resolvers.LenientResolver</c>), as
/// business calendars are: a time skipped by a daylight-saving gap moves forward by the length of the gap, an
/// ambiguous time takes the earlier instant. Touches and events of a lead are in chronological order (file order for
/// equal instants). Not thread-safe; dispose it to remove its temporary files.
/// </para>
/// </remarks>
public sealed class LeadCsvReader : IDisposable
{
    private readonly ImportMap _map;
    private readonly CsvSource _leads;
    private readonly CsvSource? _touches;
    private readonly CsvSource? _events;
    private readonly LeadCsvReaderOptions _options;
    private readonly Dictionary<string, int> _warningsByCode = new(StringComparer.Ordinal);
    private readonly HashSet<(string File, int Slot)> _dateOnlyReported = [];
    private ActivitySpool? _spool;
    private bool _started;
    private int _leadRows;
    private int _leadsOk;
    private int _leadErrors;
    private int _touchRows;
    private int _touchesOk;
    private int _eventRows;
    private int _eventsOk;
    private int _skipped;
    private int _warnings;
    private ImmutableArray<Diagnostic> _fileErrors = [];

    private LeadCsvReader(ImportMap map, CsvSource leads, CsvSource? touches, CsvSource? events, LeadCsvReaderOptions options)
    {
        _map = map;
        _leads = leads;
        _touches = touches;
        _events = events;
        _options = options;
    }

    /// <summary>Gets what has been read and reported so far (complete once <see cref="ReadLeads"/> has been enumerated).</summary>
    public ImportSummary Summary => new()
    {
        LeadRows = _leadRows,
        Leads = _leadsOk,
        LeadErrors = _leadErrors,
        TouchRows = _touchRows,
        Touches = _touchesOk,
        EventRows = _eventRows,
        Events = _eventsOk,
        SkippedByMap = _skipped,
        Warnings = _warnings,
        WarningsByCode = _warningsByCode.ToImmutableSortedDictionary(StringComparer.Ordinal),
        FileErrors = _fileErrors,
    };

    /// <summary>Creates a reader of one export.</summary>
    /// <param name="map">The map.</param>
    /// <param name="leads">The leads file.</param>
    /// <param name="touches">The touches file, or null; the map must have a <c>touches</c> section to read one.</param>
    /// <param name="events">The events file, or null; the map must have an <c>events</c> section to read one.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The reader.</returns>
    /// <exception cref="ArgumentException">A touches or events file is given but the map does not say how to read it.</exception>
    public static LeadCsvReader Create(ImportMap map, CsvSource leads, CsvSource? touches = null, CsvSource? events = null, LeadCsvReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(leads);
        if (touches is not null && map.Touches is null)
        {
            throw new ArgumentException("The map has no `touches` section, so a touches file cannot be read with it.", nameof(touches));
        }

        if (events is not null && map.Events is null)
        {
            throw new ArgumentException("The map has no `events` section, so an events file cannot be read with it.", nameof(events));
        }

        return new LeadCsvReader(map, leads, touches, events, options ?? new LeadCsvReaderOptions());
    }

    /// <summary>
    /// Reads the leads, one result per row of the leads file, in its order. Can be enumerated once. When a file cannot be
    /// used (unreadable, empty, a mapped column missing) nothing is yielded and <see cref="ImportSummary.FileErrors"/>
    /// says why.
    /// </summary>
    /// <returns>The imported leads.</returns>
    /// <exception cref="InvalidOperationException">The leads have already been read.</exception>
    public IEnumerable<ImportedLead> ReadLeads()
    {
        if (_started)
        {
            throw new InvalidOperationException("A LeadCsvReader reads its export once.");
        }

        _started = true;
        return Read();
    }

    /// <summary>
    /// Reads the leads (as <see cref="ReadLeads"/> does) and writes each as one UTF-8 JSON line to
    /// <paramref name="output"/> (<see cref="LeadSnapshotJson.Write(Utf8JsonWriter, ImportedLead)"/>): the snapshot, or
    /// the row's error line. What <c>slaengine import</c> prints.
    /// </summary>
    /// <param name="output">The stream to write to; it is not closed.</param>
    /// <returns>Whether every lead row was read (no error line, no file error).</returns>
    /// <exception cref="InvalidOperationException">The leads have already been read.</exception>
    public bool WriteJsonLines(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);

        // Two threads: this one reads the CSV files and builds the snapshots, a second one writes the JSON. At most
        // four batches of 1,024 rows are in flight, so memory stays bounded.
        using var batches = new System.Collections.Concurrent.BlockingCollection<ImportedLead[]>(boundedCapacity: 4);
        using var failed = new CancellationTokenSource();
        var writing = Task.Run(() =>
        {
            try
            {
                Write();
            }
            catch
            {
                failed.Cancel(); // the reader stops waiting for room; the exception surfaces below
                throw;
            }
        });

        void Write()
        {
            var buffered = new BufferedStream(output, 1 << 16);
            using var writer = new Utf8JsonWriter(buffered, LeadSnapshotJson.WriterOptions);
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var row in batch)
                {
                    LeadSnapshotJson.Write(writer, row);
                    writer.Flush();
                    buffered.WriteByte((byte)'\n');
                    writer.Reset();
                }
            }

            buffered.Flush();
        }

        try
        {
            var batch = new List<ImportedLead>(1024);
            foreach (var row in ReadLeads())
            {
                batch.Add(row);
                if (batch.Count == 1024)
                {
                    batches.Add([.. batch], failed.Token);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                batches.Add([.. batch], failed.Token);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested)
        {
            // The writer failed; its exception is thrown below.
        }
        finally
        {
            batches.CompleteAdding();
            writing.GetAwaiter().GetResult();
        }

        return _leadErrors == 0 && _fileErrors.IsEmpty;
    }

    /// <summary>
    /// Reads the leads as a stream of UTF-8 JSON lines, produced as the stream is read: one line per row of the leads
    /// file (the snapshot, or the row's error line, as <see cref="WriteJsonLines"/> writes them), or only the snapshots
    /// when <paramref name="includeErrorRows"/> is false (for a reader that takes every line as a lead: report the error
    /// rows through <paramref name="onRow"/> instead). <see cref="Summary"/> is complete once the stream has been read
    /// to its end.
    /// </summary>
    /// <param name="onRow">Called with each row just before its line is produced (or skipped), or null.</param>
    /// <param name="includeErrorRows">Whether rows that could not be read get their error line in the stream.</param>
    /// <returns>A read-only, forward-only stream; dispose it before the reader.</returns>
    /// <exception cref="InvalidOperationException">The leads have already been read.</exception>
    public Stream OpenJsonLines(Action<ImportedLead>? onRow = null, bool includeErrorRows = true) =>
        new JsonLinesStream(
            includeErrorRows ? ReadLeads() : ReadLeads().Where(row => { if (!row.Success) { onRow?.Invoke(row); } return row.Success; }),
            row => { if (row.Success || includeErrorRows) { onRow?.Invoke(row); } });

    /// <summary>
    /// Checks, before reading any row, that every file can be opened, has a header and has every column the map
    /// names (each problem at once, as <see cref="ImportSummary.FileErrors"/> would report it). Reads only the headers.
    /// </summary>
    /// <returns>The file errors; empty when the export can be read.</returns>
    public ImmutableArray<Diagnostic> CheckFiles()
    {
        var errors = new List<Diagnostic>();
        CsvFile.Open(_leads, _map.Separator, LeadColumns(_map.Leads), errors)?.Dispose();
        if (_touches is not null)
        {
            CsvFile.Open(_touches, _map.Separator, TouchColumns(_map.Touches!), errors)?.Dispose();
        }

        if (_events is not null)
        {
            CsvFile.Open(_events, _map.Separator, EventColumns(_map.Events!), errors)?.Dispose();
        }

        return [.. errors];
    }

    /// <summary>Removes the temporary files.</summary>
    public void Dispose()
    {
        _spool?.Dispose();
        _spool = null;
    }

    private static UInt128 Hash(ReadOnlySpan<char> id) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(id));

    private static ColumnMap[] LeadColumns(LeadMap leads)
    {
        var columns = new List<ColumnMap> { leads.Id };
        if (leads.MqlAt is not null)
        {
            columns.Add(leads.MqlAt);
        }

        columns.AddRange(leads.Attributes.Select(a => a.Value));
        if (leads.DispositionOutcome is not null)
        {
            columns.Add(leads.DispositionOutcome);
            columns.Add(leads.DispositionAt!);
        }

        return [.. columns];
    }

    private static ColumnMap[] TouchColumns(TouchMap map) => map.Outcome is null ? [map.Lead, map.At, map.Channel] : [map.Lead, map.At, map.Channel, map.Outcome];

    private static ColumnMap[] EventColumns(EventMap map) => [map.Lead, map.At, map.Type];

    private IEnumerable<ImportedLead> Read()
    {
        var leadColumns = LeadColumns(_map.Leads);
        var errors = new List<Diagnostic>();
        var leadsFile = CsvFile.Open(_leads, _map.Separator, leadColumns, errors);
        var touchColumns = _map.Touches is { } t ? TouchColumns(t) : [];
        var eventColumns = _map.Events is { } e ? EventColumns(e) : [];
        var touchesFile = _touches is null ? null : CsvFile.Open(_touches, _map.Separator, touchColumns, errors);
        var eventsFile = _events is null ? null : CsvFile.Open(_events, _map.Separator, eventColumns, errors);
        if (errors.Count > 0)
        {
            leadsFile?.Dispose();
            touchesFile?.Dispose();
            eventsFile?.Dispose();
            _fileErrors = [.. errors];
            yield break;
        }

        Dictionary<UInt128, (int Ordinal, int Line)> index;
        if (touchesFile is not null || eventsFile is not null)
        {
            index = BuildIndex(leadsFile!);
            leadsFile!.Dispose();
            leadsFile = CsvFile.Open(_leads, _map.Separator, leadColumns, errors);
            if (leadsFile is null)
            {
                touchesFile?.Dispose();
                eventsFile?.Dispose();
                _fileErrors = [.. errors];
                yield break;
            }

            _spool = new ActivitySpool(index.Count == 0 ? 1 : index.Values.Max(v => v.Ordinal) + 1, _options.LeadsPerBatch, _options.TempDirectory ?? Path.GetTempPath());
            if (touchesFile is not null)
            {
                using (touchesFile)
                {
                    ReadTouches(touchesFile, index);
                }
            }

            if (eventsFile is not null)
            {
                using (eventsFile)
                {
                    ReadEvents(eventsFile, index);
                }
            }
        }
        else
        {
            index = [];
        }

        var joined = _spool is not null;
        using (leadsFile)
        {
            var ordinal = -1;
            while (leadsFile!.MoveNext())
            {
                ordinal++;
                _leadRows++;
                var result = ReadLead(leadsFile, ordinal, index, joined);
                if (result.Success)
                {
                    _leadsOk++;
                }
                else
                {
                    _leadErrors++;
                }

                yield return result;
            }
        }

        _spool?.Dispose();
        _spool = null;
    }

    private Dictionary<UInt128, (int Ordinal, int Line)> BuildIndex(CsvFile leads)
    {
        var index = new Dictionary<UInt128, (int, int)>();
        var ordinal = -1;
        while (leads.MoveNext())
        {
            ordinal++;
            SizeIndex(index, leads, ordinal);

            if (!leads.UnclosedQuote && leads.TryGet(0, out var id) && !id.IsEmpty)
            {
                index.TryAdd(Hash(id), (ordinal, leads.Line));
            }
        }

        return index;
    }

    /// <summary>At the 4,096th row, sizes the id index once for the whole file (estimated from the bytes per row so far), instead of doubling it, and holding both copies, as it grows.</summary>
    private static void SizeIndex(Dictionary<UInt128, (int Ordinal, int Line)> index, CsvFile leads, int ordinal)
    {
        if (ordinal == 4096 && leads.Length is { } length && leads.ByteOffset > 0)
        {
            index.EnsureCapacity((int)Math.Min(int.MaxValue / 2, length * 1.05 * ordinal / leads.ByteOffset));
        }
    }

    private static bool TryIndex(Dictionary<UInt128, (int Ordinal, int Line)> index, CsvFile file, int ordinal, UInt128 hash, int line)
    {
        SizeIndex(index, file, ordinal);
        return index.TryAdd(hash, (ordinal, line));
    }

    private ImportedLead ReadLead(CsvFile file, int ordinal, Dictionary<UInt128, (int Ordinal, int Line)> index, bool joined)
    {
        var map = _map.Leads;
        var line = file.Line;
        if (file.UnclosedQuote)
        {
            return ImportedLead.Fail(null, Error(ImportDiagnosticCodes.CsvMalformedQuotes, file, 1, file.MalformedMessage), line);
        }

        if (file.Malformed is not null)
        {
            Warn(ImportDiagnosticCodes.CsvMalformedQuotes, file, 1, file.MalformedMessage);
        }

        if (!file.TryGet(0, out var idText))
        {
            return ImportedLead.Fail(null, Error(ImportDiagnosticCodes.MissingField, file, file.ColumnNumber(0), "the row ends before the column `" + map.Id.Name + "`"), line);
        }

        if (idText.IsEmpty)
        {
            return ImportedLead.Fail(null, Error(ImportDiagnosticCodes.LeadMissingId, file, file.ColumnNumber(0), "the lead has no id (column `" + map.Id.Name + "` is empty)"), line);
        }

        var hash = Hash(idText);
        var id = idText.ToString();
        if (joined)
        {
            if (index.TryGetValue(hash, out var first) && first.Ordinal != ordinal)
            {
                return ImportedLead.Fail(id, Error(ImportDiagnosticCodes.LeadDuplicateId, file, file.ColumnNumber(0), ImportText.Invariant($"the lead id `{id}` is already on line {first.Line}; that row keeps the id and its activities")), line);
            }
        }
        else if (!TryIndex(index, file, ordinal, hash, line))
        {
            return ImportedLead.Fail(id, Error(ImportDiagnosticCodes.LeadDuplicateId, file, file.ColumnNumber(0), ImportText.Invariant($"the lead id `{id}` is already on line {index[hash].Line}; that row keeps the id")), line);
        }

        var slot = 1;
        Instant? mqlAt = null;
        if (map.MqlAt is { } mqlColumn)
        {
            if (ReadInstant(file, slot, mqlColumn, DiagnosticSeverity.Error, out var mql) is { } mqlError)
            {
                return ImportedLead.Fail(id, mqlError, line);
            }

            mqlAt = mql;
            slot++;
        }

        var attributes = ImmutableDictionary.CreateBuilder<string, LeadValue>(StringComparer.Ordinal);
        foreach (var (name, column) in map.Attributes)
        {
            if (ReadAttribute(file, slot, column, out var value) is { } attributeError)
            {
                return ImportedLead.Fail(id, attributeError, line);
            }

            if (!value.IsNull)
            {
                attributes[name] = value;
            }

            slot++;
        }

        LeadDisposition? disposition = null;
        if (map.DispositionOutcome is { } outcomeColumn)
        {
            if (!file.TryGet(slot, out var status))
            {
                return ImportedLead.Fail(id, Error(ImportDiagnosticCodes.MissingField, file, file.ColumnNumber(slot), "the row ends before the column `" + outcomeColumn.Name + "`"), line);
            }

            if (!status.IsEmpty && outcomeColumn.Values!.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(status, out var outcomeText) && outcomeText is not null)
            {
                if (ReadInstant(file, slot + 1, map.DispositionAt!, DiagnosticSeverity.Error, out var dispositionAt) is { } atError)
                {
                    return ImportedLead.Fail(id, atError, line);
                }

                if (dispositionAt is null)
                {
                    return ImportedLead.Fail(id, Error(ImportDiagnosticCodes.DispositionWithoutDate, file, file.ColumnNumber(slot + 1), "the lead's status " + ImportText.Quote(status) + " is a disposition (" + outcomeText + ") but the column `" + map.DispositionAt!.Name + "` is empty"), line);
                }

                disposition = new LeadDisposition { Outcome = Enum.Parse<DispositionOutcome>(outcomeText, ignoreCase: true), At = dispositionAt.Value };
            }
        }

        var (touches, events) = _spool is null ? ([], []) : _spool.Take(ordinal);
        _touchesOk += touches.Length;
        _eventsOk += events.Length;
        var lead = new LeadSnapshot(id) { MqlAt = mqlAt, Attributes = attributes.ToImmutable(), Disposition = disposition, Touches = touches, Events = events };

        return ImportedLead.Ok(lead, line);
    }

    private Diagnostic? ReadAttribute(CsvFile file, int slot, ColumnMap column, out LeadValue value)
    {
        value = LeadValue.Null;
        if (!file.TryGet(slot, out var text))
        {
            return Error(ImportDiagnosticCodes.MissingField, file, file.ColumnNumber(slot), "the row ends before the column `" + column.Name + "`");
        }

        if (text.IsEmpty)
        {
            return null;
        }

        if (column.Values is { } table)
        {
            if (!table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var mapped))
            {
                return Error(ImportDiagnosticCodes.ValueNotInTable, file, file.ColumnNumber(slot), ImportText.Quote(text) + " is not in the `values` table of column `" + column.Name + "`" + ImportText.DidYouMean(text.ToString(), table.Keys));
            }

            if (mapped is null)
            {
                return null;
            }

            text = mapped.AsSpan();
        }

        switch (column.Type)
        {
            case AttributeType.Number:
                if (double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    value = LeadValue.FromNumber(number);
                    return null;
                }

                return Error(ImportDiagnosticCodes.InvalidNumber, file, file.ColumnNumber(slot), ImportText.Quote(text) + " in column `" + column.Name + "` is not a number (write 1200 or 1,200.5)");
            case AttributeType.Bool:
                if (TryParseBool(text, out var flag))
                {
                    value = LeadValue.FromBoolean(flag);
                    return null;
                }

                return Error(ImportDiagnosticCodes.InvalidBoolean, file, file.ColumnNumber(slot), ImportText.Quote(text) + " in column `" + column.Name + "` is not true/false, yes/no, y/n or 1/0");
            default:
                value = LeadValue.FromString(text.ToString());
                return null;
        }
    }

    private static bool TryParseBool(ReadOnlySpan<char> text, out bool value)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("y", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("1"))
        {
            value = true;
            return true;
        }

        value = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("n", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("0");
    }

    /// <summary>Reads a date-time cell: null instant when empty; a diagnostic (of the given severity) when unreadable.</summary>
    private Diagnostic? ReadInstant(CsvFile file, int slot, ColumnMap column, DiagnosticSeverity severity, out Instant? instant)
    {
        instant = null;
        if (!file.TryGet(slot, out var text))
        {
            return Create(ImportDiagnosticCodes.MissingField, severity, file, file.ColumnNumber(slot), "the row ends before the column `" + column.Name + "`");
        }

        if (text.IsEmpty)
        {
            return null;
        }

        var dates = column.Dates!;
        if (!dates.TryRead(text, out var value, out var resolution))
        {
            var formats = string.Join(" or ", dates.Formats.Select(f => f.Pattern));
            return Create(ImportDiagnosticCodes.InvalidDateTime, severity, file, file.ColumnNumber(slot), ImportText.Quote(text) + " in column `" + column.Name + "` is not a date-time in the format " + formats + " (nor ISO-8601 with an offset)");
        }

        switch (resolution)
        {
            case DateTimeResolution.Skipped:
                Warn(ImportDiagnosticCodes.DateTimeSkipped, file, file.ColumnNumber(slot), ImportText.Quote(text) + " does not exist in " + dates.Zone.Id + " (skipped by a daylight-saving change); read as " + EvaluationJson.FormatInstant(value) + ", moved forward by the gap");
                break;
            case DateTimeResolution.Ambiguous:
                Warn(ImportDiagnosticCodes.DateTimeAmbiguous, file, file.ColumnNumber(slot), ImportText.Quote(text) + " occurs twice in " + dates.Zone.Id + " (a daylight-saving change repeats it); read as the earlier, " + EvaluationJson.FormatInstant(value));
                break;
            case DateTimeResolution.DateOnly when _dateOnlyReported.Add((file.Name, slot)):
                Warn(ImportDiagnosticCodes.DateWithoutTime, file, file.ColumnNumber(slot), "column `" + column.Name + "` has dates without a time of day (" + ImportText.Quote(text) + "); each is read as 00:00 in " + dates.Zone.Id + " (reported once per column)");
                break;
        }

        instant = value;
        return null;
    }

    private void ReadTouches(CsvFile file, Dictionary<UInt128, (int Ordinal, int Line)> index)
    {
        var map = _map.Touches!;
        while (file.MoveNext())
        {
            _touchRows++;
            if (ActivityLead(file, map.Lead, index) is not { } ordinal)
            {
                continue;
            }

            if (ActivityValue(file, 2, map.Channel, "channel") is not { } channel)
            {
                continue;
            }

            string? outcome = null;
            if (map.Outcome is { } outcomeColumn && file.TryGet(3, out var outcomeText) && !outcomeText.IsEmpty)
            {
                if (outcomeColumn.Values is { } table)
                {
                    if (table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(outcomeText, out var mapped))
                    {
                        outcome = mapped;
                    }
                    else
                    {
                        outcome = outcomeText.ToString();
                        Warn(ImportDiagnosticCodes.ValueNotInTable, file, file.ColumnNumber(3), ImportText.Quote(outcomeText) + " is not in the `values` table of column `" + outcomeColumn.Name + "`; the touch keeps it as written");
                    }
                }
                else
                {
                    outcome = outcomeText.ToString();
                }
            }

            if (ActivityInstant(file, map.At) is not { } at)
            {
                continue;
            }

            _spool!.AddTouch(ordinal, at, channel, outcome);
        }
    }

    private void ReadEvents(CsvFile file, Dictionary<UInt128, (int Ordinal, int Line)> index)
    {
        var map = _map.Events!;
        while (file.MoveNext())
        {
            _eventRows++;
            if (ActivityLead(file, map.Lead, index) is not { } ordinal)
            {
                continue;
            }

            if (ActivityValue(file, 2, map.Type, "type") is not { } type)
            {
                continue;
            }

            if (ActivityInstant(file, map.At) is not { } at)
            {
                continue;
            }

            _spool!.AddEvent(ordinal, at, type);
        }
    }

    private int? ActivityLead(CsvFile file, ColumnMap column, Dictionary<UInt128, (int Ordinal, int Line)> index)
    {
        if (file.UnclosedQuote)
        {
            Warn(ImportDiagnosticCodes.CsvMalformedQuotes, file, 1, file.MalformedMessage + "; the row is skipped");
            return null;
        }

        if (file.Malformed is not null)
        {
            Warn(ImportDiagnosticCodes.CsvMalformedQuotes, file, 1, file.MalformedMessage);
        }

        if (!file.TryGet(0, out var id))
        {
            Warn(ImportDiagnosticCodes.MissingField, file, file.ColumnNumber(0), "the row ends before the column `" + column.Name + "`; the row is skipped");
            return null;
        }

        if (id.IsEmpty)
        {
            Warn(ImportDiagnosticCodes.ActivityMissingLead, file, file.ColumnNumber(0), "the row has no lead id (column `" + column.Name + "` is empty); the row is skipped");
            return null;
        }

        if (!index.TryGetValue(Hash(id), out var lead))
        {
            Warn(ImportDiagnosticCodes.ActivityUnknownLead, file, file.ColumnNumber(0), "lead " + ImportText.Quote(id) + " is not in the leads file; the row is skipped");
            return null;
        }

        return lead.Ordinal;
    }

    private string? ActivityValue(CsvFile file, int slot, ColumnMap column, string key)
    {
        if (!file.TryGet(slot, out var text))
        {
            Warn(ImportDiagnosticCodes.MissingField, file, file.ColumnNumber(slot), "the row ends before the column `" + column.Name + "`; the row is skipped");
            return null;
        }

        if (text.IsEmpty)
        {
            Warn(ImportDiagnosticCodes.ActivityMissingValue, file, file.ColumnNumber(slot), "the row has no " + key + " (column `" + column.Name + "` is empty); the row is skipped");
            return null;
        }

        if (column.Values is not { } table)
        {
            return text.ToString();
        }

        if (!table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var mapped))
        {
            Warn(ImportDiagnosticCodes.ValueNotInTable, file, file.ColumnNumber(slot), ImportText.Quote(text) + " is not in the `values` table of column `" + column.Name + "`; the row is skipped (map it to null to skip such rows without a warning)");
            return null;
        }

        if (mapped is null)
        {
            _skipped++;
        }

        return mapped;
    }

    private Instant? ActivityInstant(CsvFile file, ColumnMap column)
    {
        if (ReadInstant(file, 1, column, DiagnosticSeverity.Warning, out var at) is { } problem)
        {
            Warn(problem.Code, file, problem.Column, problem.Message + "; the row is skipped");
            return null;
        }

        if (at is null)
        {
            Warn(ImportDiagnosticCodes.ActivityMissingValue, file, file.ColumnNumber(1), "the row has no date-time (column `" + column.Name + "` is empty); the row is skipped");
        }

        return at;
    }

    private void Warn(string code, CsvFile file, int column, string message)
    {
        _warnings++;
        CollectionsMarshal.GetValueRefOrAddDefault(_warningsByCode, code, out _)++;
        _options.OnWarning?.Invoke(ImportDiagnostic.Create(code, DiagnosticSeverity.Warning, message, file.Name, file.Line, column));
    }

    private static Diagnostic Error(string code, CsvFile file, int column, string message) =>
        ImportDiagnostic.Create(code, DiagnosticSeverity.Error, message, file.Name, file.Line, column);

    private static Diagnostic Create(string code, DiagnosticSeverity severity, CsvFile file, int column, string message) =>
        ImportDiagnostic.Create(code, severity, message, file.Name, file.Line, column);
}
