using System.Globalization;
using SlaEngine.Evaluation;
using SlaEngine.Import;

namespace SlaEngine.Cli;

/// <summary>
/// CSV input through a map file, shared by <c>import</c> and by <c>--map</c> on the commands that read leads:
/// loads the map, opens the reader with warnings to stderr, and prints the file errors and the closing count.
/// </summary>
internal static class ImportInput
{
    /// <summary>Loads the map and creates the reader; null (with the exit code) when the map or the options are wrong.</summary>
    internal static LeadCsvReader? Open(Settings settings, TextWriter stderr, out int exit)
    {
        exit = Program.ExitOk;
        var loaded = ImportMapLoader.TryLoadFile(settings.MapPath);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            stderr.WriteLine(diagnostic);
        }

        if (!loaded.Success)
        {
            exit = Program.ExitFailure;
            return null;
        }

        if (settings.TouchesPath is not null && !loaded.Map.HasTouches)
        {
            exit = Usage(stderr, "--touches is given but the map has no `touches` section to read it with.");
            return null;
        }

        if (settings.EventsPath is not null && !loaded.Map.HasEvents)
        {
            exit = Usage(stderr, "--events is given but the map has no `events` section to read it with.");
            return null;
        }

        if (settings.LeadsPath == "-")
        {
            exit = Usage(stderr, "--leads must name a CSV file with --map (the leads file is read twice: for an index of its ids, then in order).");
            return null;
        }

        return LeadCsvReader.Create(
            loaded.Map,
            CsvSource.FromFile(settings.LeadsPath),
            settings.TouchesPath is null ? null : CsvSource.FromFile(settings.TouchesPath),
            settings.EventsPath is null ? null : CsvSource.FromFile(settings.EventsPath),
            new LeadCsvReaderOptions { OnWarning = w => stderr.WriteLine(w) });
    }

    /// <summary>
    /// For <c>--map</c> on the commands that read lead JSONL: checks the files, then returns the export's rows as lead
    /// lines for the command's usual pipeline, one line per row of the leads file, in its order. A row that cannot be
    /// read reaches the command as that lead's error (<see cref="RowError"/>), so each command answers it exactly as it
    /// answers a bad JSONL lead; warnings go to stderr. Null (with the exit code) when a file is wrong.
    /// </summary>
    internal static LineSource? OpenLeadLines(LeadCsvReader reader, TextWriter stderr, out int exit)
    {
        exit = Program.ExitOk;
        var errors = reader.CheckFiles();
        if (!errors.IsEmpty)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine(error);
            }

            exit = Program.ExitInvalidInput;
            return null;
        }

        // Each row's origin is queued as the stream produces its line, and taken by the line source as it reads it.
        var origins = new Queue<LeadRowOrigin>();
        var lines = reader.OpenJsonLines(row => origins.Enqueue(new LeadRowOrigin(row.Line, row.Success ? null : RowError(row))), includeErrorRows: true);
        return new LineSource(lines, origins);
    }

    /// <summary>
    /// A lead row that cannot be read, as the lead's error: the import's code and message, the id when it could be
    /// read, and the cell as <see cref="LeadError.Location"/> (<c>leads.csv:412:7</c>).
    /// </summary>
    internal static LeadError RowError(ImportedLead row)
    {
        var error = row.Error!;
        return new LeadError(error.Code, error.Message)
        {
            LeadId = row.Id,
            Location = string.Create(CultureInfo.InvariantCulture, $"{error.File}:{error.Line}:{error.Column}"),
        };
    }

    /// <summary>
    /// The leads of a command that reads lead JSONL: the <c>--leads</c> file as lines, or with <c>--map</c> the CSV
    /// export's rows as lines (<paramref name="reader"/> set; pass it to <see cref="ExitCode"/> at the end).
    /// Null (with the exit code) when the map, the options or a file is wrong.
    /// </summary>
    internal static LineSource? OpenLeads(string leadsPath, string? mapPath, string? touchesPath, string? eventsPath, TextWriter stderr, out LeadCsvReader? reader, out int exit)
    {
        reader = null;
        exit = Program.ExitOk;
        if (mapPath is null)
        {
            if (touchesPath is not null || eventsPath is not null)
            {
                exit = Usage(stderr, "--touches and --events need --map: they are CSV files of a CRM export.");
                return null;
            }

            return LineSource.Open(leadsPath);
        }

        reader = Open(new Settings(mapPath, leadsPath, touchesPath, eventsPath), stderr, out exit);
        var source = reader is null ? null : OpenLeadLines(reader, stderr, out exit);
        if (source is null)
        {
            reader?.Dispose();
            reader = null;
        }

        return source;
    }

    /// <summary>
    /// Runs a command's pipeline over its leads: the <c>--leads</c> JSONL, or with <c>--map</c> (and <c>--touches</c>,
    /// <c>--events</c>) the CSV export's rows; a row that cannot be read is answered by the command as a bad JSONL lead
    /// is (its error line, located <c>leads.csv:412:7</c>; exit code 3), and the import's warnings and closing count go
    /// to stderr.
    /// </summary>
    internal static int WithLeads(string leadsPath, MapInput? input, TextWriter stderr, Func<LineSource, int> run)
    {
        using var source = OpenLeads(leadsPath, input?.MapPath, input?.TouchesPath, input?.EventsPath, stderr, out var reader, out var exit);
        using (reader)
        {
            return source is null ? exit : ExitCode(reader, run(source), stderr);
        }
    }

    /// <summary>
    /// The exit code of a command that read leads through <c>--map</c>: the command's own (which counts a row that
    /// could not be read as a bad lead), and 3 when it would be 0 but a row could not be read.
    /// </summary>
    internal static int ExitCode(LeadCsvReader? reader, int exit, TextWriter stderr)
    {
        if (reader is null)
        {
            return exit;
        }

        Finish(reader, stderr);
        return exit == Program.ExitOk && reader.Summary.LeadErrors > 0 ? Program.ExitInvalidInput : exit;
    }

    /// <summary>Prints the file errors and the closing count on stderr; returns whether every file could be used.</summary>
    internal static bool Finish(LeadCsvReader reader, TextWriter stderr)
    {
        var summary = reader.Summary;
        foreach (var error in summary.FileErrors)
        {
            stderr.WriteLine(error);
        }

        var warnings = summary.WarningsByCode.Count == 0 ? string.Empty : " (" + string.Join(", ", summary.WarningsByCode.Select(w => w.Key + ": " + w.Value.ToString(CultureInfo.InvariantCulture))) + ")";
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"slaengine import: {summary.LeadRows} lead rows, {summary.LeadErrors} invalid; {summary.TouchRows} touch rows ({summary.Touches} joined), {summary.EventRows} event rows ({summary.Events} joined), {summary.SkippedByMap} skipped by the map; {summary.Warnings} warnings{warnings}"));
        return summary.FileErrors.IsEmpty;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine("slaengine: " + message);
        return Program.ExitUsage;
    }

    /// <summary>Writes every JSON line to standard output (bytes straight to the stream under a UTF-8 StreamWriter, else decoded text); returns whether every lead row was read.</summary>
    internal static bool WriteJsonLines(LeadCsvReader reader, TextWriter stdout)
    {
        stdout.Flush();
        if (stdout is StreamWriter { BaseStream: { CanWrite: true } stream } writer && writer.Encoding.CodePage == 65001)
        {
            return reader.WriteJsonLines(stream);
        }

        using var text = new TextWriterStream(stdout);
        return reader.WriteJsonLines(text);
    }

    /// <summary>Bytes written to a text writer as UTF-8 text (in-process runs and tests).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly System.Text.Decoder _decoder = new System.Text.UTF8Encoding(false).GetDecoder();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
            var n = _decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, n);
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>What the command line asked for.</summary>
    internal sealed record Settings(string MapPath, string LeadsPath, string? TouchesPath, string? EventsPath);
}
