namespace SlaEngine.Cli;

/// <summary>
/// Reads an input (a file or standard input) as raw byte lines, without decoding, so invalid UTF-8, blank lines and a
/// truncated last line each still count as exactly one line. Streams: holds one buffer, never the whole input.
/// </summary>
internal sealed class LineSource : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    private LineSource(Stream stream)
    {
        _stream = stream;
    }

    internal static LineSource Open(string path) =>
        path == "-"
            ? new LineSource(Console.OpenStandardInput())
            : new LineSource(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));

    /// <summary>Reads the next line (without its <c>\n</c> or <c>\r\n</c>), or null at the end of the input.</summary>
    internal byte[]? ReadLine()
    {
        List<byte>? overflow = null;
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Take(overflow, span[..newline]);
                _start += newline + 1;
                return line;
            }

            if (_eof)
            {
                if (span.Length == 0 && overflow is null)
                {
                    return null;
                }

                var last = Take(overflow, span);
                _start = _end;
                return last;
            }

            if (_start > 0 || _end == _buffer.Length)
            {
                if (_end - _start == _buffer.Length)
                {
                    overflow ??= [];
                    overflow.AddRange(span.ToArray());
                    _start = _end = 0;
                }
                else
                {
                    Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }
            }

            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }
    }

    public void Dispose() => _stream.Dispose();

    private static byte[] Take(List<byte>? overflow, ReadOnlySpan<byte> tail)
    {
        if (tail.Length > 0 && tail[^1] == (byte)'\r')
        {
            tail = tail[..^1];
        }

        if (overflow is null)
        {
            return tail.ToArray();
        }

        overflow.AddRange(tail.ToArray());
        if (overflow.Count > 0 && overflow[^1] == (byte)'\r')
        {
            overflow.RemoveAt(overflow.Count - 1);
        }

        return [.. overflow];
    }
}
