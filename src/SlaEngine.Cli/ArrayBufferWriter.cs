using System.Text;

namespace SlaEngine.Cli;

/// <summary>A reusable in-memory buffer for writing one JSON line at a time.</summary>
internal sealed class ArrayBufferWriter
{
    internal MemoryStream Stream { get; } = new();

    internal string Text => Encoding.UTF8.GetString(Stream.GetBuffer(), 0, (int)Stream.Length);

    internal void Reset() => Stream.SetLength(0);
}
