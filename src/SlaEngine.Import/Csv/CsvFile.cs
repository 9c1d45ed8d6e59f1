using System.Text;
using CsvHelper;
using SlaEngine.Diagnostics;
using SlaEngine.Import.Maps;

namespace SlaEngine.Import.Csv;

/// <summary>
/// One CSV file being read row by row with CsvHelper: RFC 4180 quoting (separators, quotes and line breaks inside
/// quoted fields, <c>""</c> for a quote), a UTF-8 byte-order mark, CRLF or LF, malformed quoting reported per row. The
/// header is matched case-insensitively against the columns the map reads; blank lines are skipped. Not thread-safe.
/// </summary>
internal sealed class CsvFile : IDisposable
{
    private readonly CsvReader _reader;
    private readonly int[] _indices;
    private readonly char[][] _buffers;
    private readonly Dictionary<long, CsvMalformedReason> _malformed;

    private CsvFile(string name, CsvReader reader, int[] indices, Dictionary<long, CsvMalformedReason> malformed, long? length)
    {
        Name = name;
        Length = length;
        _reader = reader;
        _indices = indices;
        _buffers = new char[indices.Length][];
        for (var i = 0; i < _buffers.Length; i++)
        {
            _buffers[i] = new char[64];
        }

        _malformed = malformed;
    }

    public string Name { get; }

    /// <summary>Gets the size of the file in bytes when it is known.</summary>
    public long? Length { get; }

    /// <summary>Gets the byte offset where the current row starts.</summary>
    public long ByteOffset => _reader.ByteOffset;

    /// <summary>Gets the 1-based line where the current row starts.</summary>
    public int Line { get; private set; }

    /// <summary>Gets what is wrong with the current row's quoting, if anything.</summary>
    public CsvMalformedReason? Malformed { get; private set; }

    /// <summary>Gets a value indicating whether the current row has a quoted field that is never closed.</summary>
    public bool UnclosedQuote => Malformed == CsvMalformedReason.UnterminatedQuote;

    /// <summary>Gets the message for a recovered malformed row (a stray quote, or text after a closing quote).</summary>
    public string MalformedMessage => Malformed switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field is kept as text (a field with quotes should be quoted as a whole, with \"\" for each quote)",
        CsvMalformedReason.TextAfterClosingQuote => "text follows a closing quote; it is appended to the field's value",
        _ => "a quoted field is not closed: the rest of the file is read as one value",
    };

    /// <summary>
    /// Opens the file and finds the columns; on failure reports why into <paramref name="errors"/> and returns null.
    /// </summary>
    public static CsvFile? Open(CsvSource source, char separator, IReadOnlyList<ColumnMap> columns, List<Diagnostic> errors)
    {
        Stream stream;
        try
        {
            stream = source.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            errors.Add(Error(ImportDiagnosticCodes.CsvUnreadable, source.Name, 0, 0, "the file cannot be read: " + ImportText.Describe(e)));
            return null;
        }

        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            DetectSeparatorHint = false,
            OnMalformedRecord = m => malformed.TryAdd(m.LineNumber, m.Reason),
        };
        var file = new CsvFile(source.Name, CsvReader.Create(stream, options, false), new int[columns.Count], malformed, stream.CanSeek ? stream.Length : null);
        try
        {
            if (file.ReadHeader(columns, errors))
            {
                return file;
            }
        }
        catch (IOException e)
        {
            errors.Add(Error(ImportDiagnosticCodes.CsvUnreadable, source.Name, 0, 0, "the file cannot be read: " + ImportText.Describe(e)));
        }

        file.Dispose();
        return null;
    }

    /// <summary>Moves to the next row that is not blank.</summary>
    public bool MoveNext()
    {
        while (_reader.Read())
        {
            if (_reader.FieldCount == 1 && IsBlank(_reader.GetSpan(0)))
            {
                continue;
            }

            Line = (int)Math.Min(_reader.LineNumber, int.MaxValue);
            Malformed = _malformed.Count > 0 && _malformed.Remove(_reader.LineNumber, out var reason) ? reason : null;
            return true;
        }

        return false;
    }

    /// <summary>Gets the trimmed value of a mapped column in the current row; false when the row is too short.</summary>
    public bool TryGet(int slot, out ReadOnlySpan<char> value)
    {
        var index = _indices[slot];
        if (index >= _reader.FieldCount)
        {
            value = default;
            return false;
        }

        var utf8 = _reader.GetSpan(index);
        var buffer = _buffers[slot];
        if (buffer.Length < utf8.Length)
        {
            buffer = _buffers[slot] = new char[Math.Max(utf8.Length, buffer.Length * 2)];
        }

        var length = Encoding.UTF8.GetChars(utf8, buffer);
        value = buffer.AsSpan(0, length).Trim();
        return true;
    }

    /// <summary>Gets the 1-based CSV column number of a mapped column.</summary>
    public int ColumnNumber(int slot) => _indices[slot] + 1;

    public void Dispose() => _reader.Dispose();

    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static Diagnostic Error(string code, string file, int line, int column, string message) =>
        ImportDiagnostic.Create(code, DiagnosticSeverity.Error, message, file, line, column);

    private bool ReadHeader(IReadOnlyList<ColumnMap> columns, List<Diagnostic> errors)
    {
        if (!MoveNext())
        {
            errors.Add(Error(ImportDiagnosticCodes.CsvEmpty, Name, 1, 1, "the file is empty: a CSV export starts with a header row of column names"));
            return false;
        }

        var names = new string[_reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Encoding.UTF8.GetString(_reader.GetSpan(i)).Trim();
        }

        var ok = true;
        for (var slot = 0; slot < columns.Count; slot++)
        {
            var wanted = columns[slot].Name;
            var found = -1;
            for (var i = 0; i < names.Length; i++)
            {
                if (!string.Equals(names[i], wanted, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (found >= 0)
                {
                    errors.Add(Error(ImportDiagnosticCodes.CsvDuplicateColumn, Name, Line, i + 1, ImportText.Invariant($"the column `{wanted}` appears twice in the header (columns {found + 1} and {i + 1}); the map cannot tell which to read")));
                    ok = false;
                    break;
                }

                found = i;
            }

            if (found < 0)
            {
                var existing = string.Join(", ", names.Where(n => n.Length > 0).Select(n => "`" + n + "`"));
                errors.Add(Error(ImportDiagnosticCodes.CsvMissingColumn, Name, Line, 1, "no column `" + wanted + "` in the header" + ImportText.DidYouMean(wanted, names) + " (the columns are " + existing + ")"));
                ok = false;
            }

            _indices[slot] = found;
        }

        return ok;
    }
}
