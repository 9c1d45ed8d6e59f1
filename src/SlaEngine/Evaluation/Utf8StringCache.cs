using System.Buffers.Binary;
using System.Text;

namespace SlaEngine.Evaluation;

/// <summary>
/// Shares the strings of short, repeated JSON values (attribute names, enum values, event types, channels, outcomes)
/// between the leads a thread reads, keyed by their UTF-8 bytes so a hit costs a hash and a comparison, with no
/// decoding. Bounded: at most <see cref="MaxEntries"/> strings, and a lookup probes at most <see cref="MaxProbes"/>
/// slots, so hostile input (many distinct or colliding values) costs a decode per value, never more. Not
/// thread-safe: one per thread.
/// </summary>
internal sealed class Utf8StringCache
{
    /// <summary>The longest value kept, in bytes.</summary>
    internal const int MaxLength = 48;

    private const int MaxEntries = 4096;
    private const int MaxProbes = 8;
    private const int Slots = 8192;

    private readonly Entry[] _entries = new Entry[Slots];
    private readonly ulong _seed = (ulong)Random.Shared.NextInt64() | 1;
    private int _count;

    /// <summary>Gets the string of <paramref name="utf8"/> (at most <see cref="MaxLength"/> bytes; invalid UTF-8 decodes to U+FFFD).</summary>
    internal string Get(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        var slot = (int)(hash & (Slots - 1));
        for (var probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & (Slots - 1))
        {
            ref var entry = ref _entries[slot];
            if (entry.Key is null)
            {
                var text = Encoding.UTF8.GetString(utf8);
                if (_count < MaxEntries)
                {
                    entry = new Entry(utf8.ToArray(), text, hash);
                    _count++;
                }

                return text;
            }

            if (entry.Hash == hash && utf8.SequenceEqual(entry.Key))
            {
                return entry.Value;
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>A seeded multiply-mix of the length and the first and last eight bytes (overlapping for short values).</summary>
    private uint Hash(ReadOnlySpan<byte> utf8)
    {
        ulong head, tail;
        if (utf8.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]);
        }
        else
        {
            head = 0;
            for (var i = 0; i < utf8.Length; i++)
            {
                head = (head << 8) | utf8[i];
            }

            tail = 0;
        }

        var h = (head ^ _seed) * 0x9E3779B97F4A7C15UL;
        h ^= (tail + (ulong)utf8.Length) * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 29;
        h *= _seed;
        return (uint)(h >> 32);
    }

    private readonly record struct Entry(byte[] Key, string Value, uint Hash);
}
