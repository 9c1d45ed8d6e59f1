using System.Buffers;
using System.Text.Json;

namespace SlaEngine.Import.Reading;

/// <summary>
/// A read-only stream of the import's JSON lines, produced as it is read: each read serializes as many rows as it
/// needs, so the stream holds about one row's JSON at a time. Not thread-safe.
/// </summary>
internal sealed class JsonLinesStream : Stream
{
    private readonly IEnumerator<ImportedLead> _rows;
    private readonly Action<ImportedLead>? _onRow;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 12);
    private readonly Utf8JsonWriter _writer;
    private int _position;
    private bool _done;

    public JsonLinesStream(IEnumerable<ImportedLead> rows, Action<ImportedLead>? onRow)
    {
        _rows = rows.GetEnumerator();
        _onRow = onRow;
        _writer = new Utf8JsonWriter(_buffer, LeadSnapshotJson.WriterOptions);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        while (_position == _buffer.WrittenCount)
        {
            if (_done || !_rows.MoveNext())
            {
                _done = true;
                return 0;
            }

            _buffer.ResetWrittenCount();
            _position = 0;
            _writer.Reset();
            var row = _rows.Current;
            _onRow?.Invoke(row);
            LeadSnapshotJson.Write(_writer, row);
            _writer.Flush();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
        }

        var available = _buffer.WrittenSpan[_position..];
        var n = Math.Min(available.Length, destination.Length);
        available[..n].CopyTo(destination);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer.Dispose();
            _rows.Dispose();
        }

        base.Dispose(disposing);
    }
}
