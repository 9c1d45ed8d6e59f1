using System.Text;
using nietras.SeparatedValues;
using SlaEngine.Import.Maps;
using SlaEngine.Diagnostics;

namespace SlaEngine.Import.Csv;

/// <summary>
/// One CSV file being read row by row with Sep: RFC 4180 quoting (separators, quotes and line breaks inside quoted
/// fields, <c>""</c> for a quote), a UTF-8 byte-order mark, CRLF or LF. The header is matched case-insensitively
/// against the columns the map reads; blank lines are skipped. Not thread-safe.
/// </summary>
internal sealed class CsvFile : IDisposable
{
    private readonly SepReader _reader;
    private readonly int[] _indices;

    private CsvFile(string name, SepReader reader, int[] indices)
    {
        Name = name;
        _reader = reader;
        _indices = indices;
    }

    public string Name { get; }

    /// <summary>Gets the 1-based line where the current row starts.</summary>
    public int Line { get; private set; }

    /// <summary>Gets a value indicating whether the current row has a quoted field that is never closed.</summary>
    public bool UnclosedQuote { get; private set; }

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

        SepReader reader;
        try
        {
            var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            reader = Sep.Reader(o => o with { Sep = new Sep(separator), HasHeader = false, Unescape = true, DisableColCountCheck = true })
                .From(text);
        }
        catch (IOException e)
        {
            stream.Dispose();
            errors.Add(Error(ImportDiagnosticCodes.CsvUnreadable, source.Name, 0, 0, "the file cannot be read: " + ImportText.Describe(e)));
            return null;
        }

        var file = new CsvFile(source.Name, reader, new int[columns.Count]);
        if (!file.ReadHeader(columns, errors))
        {
            file.Dispose();
            return null;
        }

        return file;
    }

    /// <summary>Moves to the next row that is not blank.</summary>
    public bool MoveNext()
    {
        while (_reader.MoveNext())
        {
            var row = _reader.Current;
            if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty)
            {
                continue;
            }

            // Sep 0.17.1 reports line 2 for the first row when HasHeader is false; the first row starts on line 1.
            Line = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            var raw = row.Span;
            UnclosedQuote = raw.Contains('"') && (raw.Count('"') & 1) == 1;
            return true;
        }

        return false;
    }

    /// <summary>Gets the trimmed value of a mapped column in the current row; false when the row is too short.</summary>
    public bool TryGet(int slot, out ReadOnlySpan<char> value)
    {
        var row = _reader.Current;
        var index = _indices[slot];
        if (index >= row.ColCount)
        {
            value = default;
            return false;
        }

        value = row[index].Span.Trim();
        return true;
    }

    /// <summary>Gets the 1-based CSV column number of a mapped column.</summary>
    public int ColumnNumber(int slot) => _indices[slot] + 1;

    public void Dispose() => _reader.Dispose();

    private static Diagnostic Error(string code, string file, int line, int column, string message) =>
        ImportDiagnostic.Create(code, DiagnosticSeverity.Error, message, file, line, column);

    private bool ReadHeader(IReadOnlyList<ColumnMap> columns, List<Diagnostic> errors)
    {
        if (!MoveNext())
        {
            errors.Add(Error(ImportDiagnosticCodes.CsvEmpty, Name, 1, 1, "the file is empty: a CSV export starts with a header row of column names"));
            return false;
        }

        var row = _reader.Current;
        var names = new string[row.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = row[i].Span.Trim().ToString();
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
