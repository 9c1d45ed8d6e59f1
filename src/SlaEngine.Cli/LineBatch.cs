using SlaEngine.Evaluation;

namespace SlaEngine.Cli;

/// <summary>
/// A reusable batch of numbered input lines stored back to back in one growing buffer, so reading a large input
/// allocates nothing per line and no line outlives its batch (the garbage collector keeps the heap small).
/// </summary>
internal sealed class LineBatch
{
    private byte[] _data = new byte[1 << 20];
    private int[] _starts = new int[1024];
    private int[] _lengths = new int[1024];
    private LeadRowOrigin?[]? _origins;
    private int _used;

    /// <summary>Gets the number of lines in the batch.</summary>
    internal int Count { get; private set; }

    /// <summary>Gets the 1-based input line number of the batch's first line.</summary>
    internal int FirstNumber { get; private set; }

    /// <summary>Gets the number of bytes held.</summary>
    internal int Bytes => _used;

    /// <summary>Gets the i-th line's bytes.</summary>
    internal ReadOnlyMemory<byte> Line(int i) => _data.AsMemory(_starts[i], _lengths[i]);

    /// <summary>Gets the i-th line's 1-based input line number; for a row of a CSV export, its line in the leads file.</summary>
    internal int Number(int i) => _origins?[i] is { } origin ? origin.Line : FirstNumber + i;

    /// <summary>Reads the i-th line's lead (<see cref="LineSource.ReadLead"/>).</summary>
    internal LeadParseResult Read(int i) => LineSource.ReadLead(Line(i).Span, _origins?[i]);

    internal void Clear(int firstNumber)
    {
        Count = 0;
        _used = 0;
        FirstNumber = firstNumber;
    }

    internal void Add(ReadOnlySpan<byte> line, LeadRowOrigin? origin = null)
    {
        if (_used + line.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _used + line.Length));
        }

        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        if (origin is not null || _origins is not null)
        {
            _origins ??= new LeadRowOrigin?[_starts.Length];
            if (_origins.Length < _starts.Length)
            {
                Array.Resize(ref _origins, _starts.Length);
            }

            _origins[Count] = origin;
        }

        line.CopyTo(_data.AsSpan(_used));
        _starts[Count] = _used;
        _lengths[Count] = line.Length;
        _used += line.Length;
        Count++;
    }
}
