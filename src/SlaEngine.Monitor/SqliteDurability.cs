namespace SlaEngine.Monitor;

/// <summary>How SQLite makes an acknowledged write durable (its <c>synchronous</c> setting, in write-ahead-log mode).</summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c>, the default: every commit is flushed to the disk before the write is acknowledged, so it
    /// survives a crash of the process, of the operating system and a power loss. Each write costs a disk flush.
    /// </summary>
    Full,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: a commit is in the write-ahead log (the operating system's cache) when acknowledged and
    /// flushed at checkpoints. It survives a crash of the process — the case the monitor's crash tests prove — but the last
    /// writes before an operating-system crash or a power loss may be lost. Several times faster for single writes.
    /// </summary>
    Normal,
}
