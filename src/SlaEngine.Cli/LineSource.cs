using System.Runtime.InteropServices;
using SlaEngine.Evaluation;

namespace SlaEngine.Cli;

/// <summary>
/// Reads an input (a file or standard input) as raw byte lines, without decoding, so invalid UTF-8, blank lines and a
/// truncated last line each still count as exactly one line. Streams: holds one buffer, never the whole input, and
/// never more than <see cref="MaxKeptBytes"/> of one line.
/// </summary>
internal sealed class LineSource : IDisposable
{
    /// <summary>
    /// The most bytes of one line kept: enough for every reader to see that a line is over
    /// <see cref="LeadSnapshot.MaxJsonBytes"/>, even after a trailing <c>\r</c> is removed. The rest of a longer line is read and dropped, so a hostile input (gigabytes
    /// without a newline) costs bounded memory instead of ending the tool with an out-of-memory error.
    /// </summary>
    internal const int MaxKeptBytes = LeadSnapshot.MaxJsonBytes + 2;

    private readonly Stream _stream;
    private readonly Queue<LeadRowOrigin>? _origins;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private long _bytesRead;

    internal LineSource(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>
    /// A source of lead lines made from the rows of a CSV export, one line per row: <paramref name="origins"/> receives
    /// each row's origin (its line in the leads file, and its error when the row could not be read) as the stream
    /// produces the row's line, so that <see cref="Origin"/> names the row of the line just read.
    /// </summary>
    internal LineSource(Stream stream, Queue<LeadRowOrigin> origins)
    {
        _stream = stream;
        _origins = origins;
    }

    /// <summary>Gets the origin of the line last read when the lines are rows of a CSV export; null for JSONL.</summary>
    internal LeadRowOrigin? Origin { get; private set; }

    /// <summary>Gets the size of the input in bytes when it is known (a file), or null (standard input, a pipe).</summary>
    internal long? Length => _stream.CanSeek ? _stream.Length : null;

    /// <summary>Gets the number of bytes read from the input so far (for progress).</summary>
    internal long BytesRead => Volatile.Read(ref _bytesRead);

    internal static LineSource Open(string path) =>
        path == "-"
            ? new LineSource(Console.OpenStandardInput())
            : new LineSource(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));

    /// <summary>Reads the next line (without its <c>\n</c> or <c>\r\n</c>), or null at the end of the input.</summary>
    internal byte[]? ReadLine() => TryReadLine(out var line) ? line.ToArray() : null;

    /// <summary>
    /// Reads the next line (without its <c>\n</c> or <c>\r\n</c>) as a view that is valid until the next read, or
    /// returns false at the end of the input. Copies nothing unless a line is longer than the buffer.
    /// </summary>
    internal bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        if (!TryReadRawLine(out line))
        {
            return false;
        }

        if (_origins is not null)
        {
            // The row's line has been produced, so its origin was queued before it.
            Origin = _origins.Dequeue();
        }

        return true;
    }

    /// <summary>Reads the lead in a line just read: the row's error for a CSV row that could not be read, else the line's JSON.</summary>
    internal static LeadParseResult ReadLead(ReadOnlySpan<byte> line, LeadRowOrigin? origin) =>
        origin?.Error is { } error ? LeadParseResult.ForError(error) : LeadSnapshot.Parse(line);

    private bool TryReadRawLine(out ReadOnlySpan<byte> line)
    {
        List<byte>? overflow = null;
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Take(overflow, span[..newline]);
                _start += newline + 1;
                return true;
            }

            if (_eof)
            {
                if (span.Length == 0 && overflow is null)
                {
                    line = default;
                    return false;
                }

                line = Take(overflow, span);
                _start = _end;
                return true;
            }

            if (_start > 0 || _end == _buffer.Length)
            {
                if (_end - _start == _buffer.Length)
                {
                    overflow ??= [];
                    Keep(overflow, span);
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
            Volatile.Write(ref _bytesRead, _bytesRead + read);
        }
    }

    public void Dispose() => _stream.Dispose();

    private static ReadOnlySpan<byte> Take(List<byte>? overflow, ReadOnlySpan<byte> tail)
    {
        if (overflow is null)
        {
            return tail.Length > 0 && tail[^1] == (byte)'\r' ? tail[..^1] : tail;
        }

        Keep(overflow, tail);
        if (overflow.Count is > 0 and < MaxKeptBytes && overflow[^1] == (byte)'\r')
        {
            overflow.RemoveAt(overflow.Count - 1);
        }

        return CollectionsMarshal.AsSpan(overflow);
    }

    private static void Keep(List<byte> overflow, ReadOnlySpan<byte> bytes) =>
        overflow.AddRange(bytes[..Math.Min(bytes.Length, Math.Max(0, MaxKeptBytes - overflow.Count))]);
}

/// <summary>Where a lead line read through <c>--map</c> came from: its row's line in the leads file, and the row's error when it could not be read.</summary>
internal readonly record struct LeadRowOrigin(int Line, LeadError? Error);
