using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Import.Reading;

/// <summary>
/// Joins activities to leads without holding them all: each activity is written to the temporary file of its lead's
/// batch (leads <c>[k·B, (k+1)·B)</c> in leads-file order), and when the leads are read back in order, one batch file
/// at a time is loaded and grouped by lead (a counting sort). Memory: one batch's activities plus a write buffer per
/// batch (at most 256 files). Not thread-safe.
/// </summary>
internal sealed class ActivitySpool : IDisposable
{
    private const int MaxBatches = 256;
    private const int MaxInterned = 4096;

    private readonly string _directory;
    private readonly int _batchSize;
    private readonly FileStream?[] _files;
    private readonly BinaryWriter?[] _writers;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private int _loadedBatch = -1;
    private Record[] _records = [];
    private Record[] _scratch = [];
    private int[] _starts = [];
    private int[] _counts = [];

    public ActivitySpool(int leadCount, int leadsPerBatch, string tempRoot)
    {
        _batchSize = Math.Max(Math.Max(1024, leadsPerBatch), (int)Math.Ceiling(leadCount / (double)MaxBatches));
        var batches = Math.Max(1, (int)Math.Ceiling(leadCount / (double)_batchSize));
        _files = new FileStream?[batches];
        _writers = new BinaryWriter?[batches];
        _directory = Path.Combine(tempRoot, "slaengine-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    public void AddTouch(int ordinal, Instant at, string channel, string? outcome) => Add(ordinal, 0, at, channel, outcome);

    public void AddEvent(int ordinal, Instant at, string type) => Add(ordinal, 1, at, type, null);

    /// <summary>The activities of the lead at <paramref name="ordinal"/>; leads must be asked for in increasing order.</summary>
    public (ImmutableArray<LeadTouch> Touches, ImmutableArray<LeadEvent> Events) Take(int ordinal)
    {
        var batch = ordinal / _batchSize;
        if (batch != _loadedBatch)
        {
            Load(batch);
        }

        var local = ordinal - (batch * _batchSize);
        var start = _starts[local];
        var end = _starts[local + 1];
        if (start == end)
        {
            return ([], []);
        }

        // Chronological, file order for equal instants.
        Array.Sort(_records, start, end - start, RecordComparer.Instance);
        var touches = ImmutableArray.CreateBuilder<LeadTouch>();
        var events = ImmutableArray.CreateBuilder<LeadEvent>();
        for (var i = start; i < end; i++)
        {
            ref var r = ref _records[i];
            if (r.Kind == 0)
            {
                touches.Add(new LeadTouch { Channel = r.Text, At = r.At, Outcome = r.Outcome });
            }
            else
            {
                events.Add(new LeadEvent { Type = r.Text, At = r.At });
            }

            _records[i] = default;
        }

        return (touches.DrainToImmutable(), events.DrainToImmutable());
    }

    public void Dispose()
    {
        for (var i = 0; i < _files.Length; i++)
        {
            _writers[i]?.Dispose();
            _files[i]?.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the files are deleted on close anyway.
        }
    }

    private void Add(int ordinal, byte kind, Instant at, string text, string? outcome)
    {
        var batch = ordinal / _batchSize;
        var writer = _writers[batch];
        if (writer is null)
        {
            var file = new FileStream(Path.Combine(_directory, batch + ".bin"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 14, FileOptions.DeleteOnClose);
            _files[batch] = file;
            writer = _writers[batch] = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true);
        }

        writer.Write(ordinal - (batch * _batchSize));
        writer.Write(kind);
        writer.Write(at.ToUnixTimeTicks());
        WriteString(writer, text);
        if (outcome is null)
        {
            writer.Write(-1);
        }
        else
        {
            WriteString(writer, outcome);
        }
    }

    /// <summary>Channels, types and outcomes repeat: the first 4,096 distinct ones are kept once, in memory, and written as their number.</summary>
    private void WriteString(BinaryWriter writer, string text)
    {
        if (_ids.TryGetValue(text, out var id))
        {
            writer.Write(id);
            return;
        }

        if (_strings.Count < MaxInterned)
        {
            _ids.Add(text, _strings.Count);
            writer.Write(_strings.Count);
            _strings.Add(text);
            return;
        }

        writer.Write(-2);
        writer.Write(text);
    }

    private string? ReadString(BinaryReader reader)
    {
        var id = reader.ReadInt32();
        return id switch
        {
            -1 => null,
            -2 => reader.ReadString(),
            _ => _strings[id],
        };
    }

    private void Load(int batch)
    {
        if (_loadedBatch >= 0)
        {
            _writers[_loadedBatch]?.Dispose();
            _files[_loadedBatch]?.Dispose();
            _writers[_loadedBatch] = null;
            _files[_loadedBatch] = null;
        }

        _loadedBatch = batch;
        if (_counts.Length != _batchSize + 1)
        {
            _counts = new int[_batchSize + 1];
            _starts = new int[_batchSize + 1];
        }
        else
        {
            Array.Clear(_counts);
        }

        var count = 0;
        if (_files[batch] is { } file)
        {
            _writers[batch]!.Flush();
            file.Position = 0;
            using var reader = new BinaryReader(new BufferedStream(file, 1 << 16), System.Text.Encoding.UTF8, leaveOpen: true);
            var length = file.Length;
            long position = 0;
            while (position < length)
            {
                var local = reader.ReadInt32();
                var kind = reader.ReadByte();
                var at = Instant.FromUnixTimeTicks(reader.ReadInt64());
                var text = ReadString(reader)!;
                var outcome = ReadString(reader);
                position = reader.BaseStream.Position;
                if (count == _scratch.Length)
                {
                    Array.Resize(ref _scratch, Math.Max(1024, count * 2));
                }

                _scratch[count] = new Record(local, count, kind, at, text, outcome);
                count++;
                _counts[local + 1]++;
            }
        }

        for (var i = 1; i < _counts.Length; i++)
        {
            _counts[i] += _counts[i - 1];
        }

        Array.Copy(_counts, _starts, _counts.Length);
        if (_records.Length < count)
        {
            _records = new Record[Math.Max(count, _records.Length * 2)];
        }

        for (var i = 0; i < count; i++)
        {
            ref var record = ref _scratch[i];
            _records[_counts[record.Lead]++] = record;
            record = default;
        }
    }

    private readonly record struct Record(int Lead, int Sequence, byte Kind, Instant At, string Text, string? Outcome);

    private sealed class RecordComparer : IComparer<Record>
    {
        public static readonly RecordComparer Instance = new();

        public int Compare(Record x, Record y)
        {
            var byTime = x.At.CompareTo(y.At);
            return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
