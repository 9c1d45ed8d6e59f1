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
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private int _loadedBatch = -1;
    private Record[] _records = [];
    private int[] _starts = [];

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
                touches.Add(new LeadTouch(r.Text, r.At, r.Outcome));
            }
            else
            {
                events.Add(new LeadEvent(r.Text, r.At));
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
        writer.Write(text);
        writer.Write(outcome is not null);
        if (outcome is not null)
        {
            writer.Write(outcome);
        }
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
        var list = new List<Record>();
        var counts = new int[_batchSize + 1];
        if (_files[batch] is { } file)
        {
            _writers[batch]!.Flush();
            file.Position = 0;
            using var reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
            var sequence = 0;
            while (file.Position < file.Length)
            {
                var local = reader.ReadInt32();
                var kind = reader.ReadByte();
                var at = Instant.FromUnixTimeTicks(reader.ReadInt64());
                var text = Intern(reader.ReadString());
                var outcome = reader.ReadBoolean() ? Intern(reader.ReadString()) : null;
                list.Add(new Record(local, sequence++, kind, at, text, outcome));
                counts[local + 1]++;
            }
        }

        for (var i = 1; i < counts.Length; i++)
        {
            counts[i] += counts[i - 1];
        }

        _starts = (int[])counts.Clone();
        _records = new Record[list.Count];
        foreach (var record in list)
        {
            _records[counts[record.Lead]++] = record;
        }
    }

    private string Intern(string text)
    {
        if (_interned.TryGetValue(text, out var existing))
        {
            return existing;
        }

        if (_interned.Count < MaxInterned)
        {
            _interned.Add(text, text);
        }

        return text;
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
