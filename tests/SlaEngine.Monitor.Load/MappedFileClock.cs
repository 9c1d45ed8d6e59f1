using System.IO.MemoryMappedFiles;
using NodaTime;

namespace SlaEngine.Monitor.Load;

/// <summary>
/// A clock that several processes share: the current instant is 8 bytes (Unix ticks) at the start of a file that a
/// controller writes and every process maps. Tests use it to run days of SLA in seconds across processes.
/// </summary>
public sealed class MappedFileClock : IClock, IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    public MappedFileClock(string path, Instant? initial = null)
    {
        if (!File.Exists(path) || new FileInfo(path).Length < 8)
        {
            File.WriteAllBytes(path, new byte[8]);
        }

        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 8, MemoryMappedFileAccess.ReadWrite);
        _view = _file.CreateViewAccessor(0, 8);
        if (initial is { } i)
        {
            Set(i);
        }
    }

    /// <remarks>One aligned 8-byte read: atomic on 64-bit platforms.</remarks>
    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(_view.ReadInt64(0));

    public void Set(Instant instant) => _view.Write(0, instant.ToUnixTimeTicks());

    public void Advance(Duration duration) => Set(GetCurrentInstant() + duration);

    public void Dispose()
    {
        _view.Dispose();
        _file.Dispose();
    }
}
