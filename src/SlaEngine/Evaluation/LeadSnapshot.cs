using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>
/// A snapshot of one lead as the host knows it: attributes, behavioural events, sales touches, paused intervals, the
/// disposition and the tier and team pinned at hand-off. Immutable; build one with an object initializer or read one
/// from JSON with <see cref="Parse(ReadOnlySpan{byte})"/> (the format is described in <c>docs/lead-format.md</c>).
/// </summary>
public sealed record LeadSnapshot
{
    /// <summary>The largest lead JSON accepted, in bytes of UTF-8 (1 MiB); a longer lead is an error (<c>SLA0707</c>).</summary>
    public const int MaxJsonBytes = 1 << 20;

    /// <summary>Initializes a new instance of the <see cref="LeadSnapshot"/> class.</summary>
    /// <param name="id">The lead's id.</param>
    public LeadSnapshot(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
    }

    /// <summary>Gets the lead's id.</summary>
    public string Id { get; init; }

    /// <summary>Gets when the lead was handed to sales (the SLA start); null means the evaluation instant.</summary>
    public Instant? MqlAt { get; init; }

    private ImmutableDictionary<string, LeadValue>? _attributes;

    /// <summary>The attributes sorted by name (ordinal), the form the evaluation reads; null until first needed when the snapshot was built from a dictionary.</summary>
    private KeyValuePair<string, LeadValue>[]? _entries;

    /// <summary>Gets the attributes (a missing attribute is null in conditions).</summary>
    /// <remarks>
    /// A snapshot read from JSON keeps its attributes in a compact sorted array and builds this dictionary on first
    /// access, once: evaluating a lead never needs it.
    /// </remarks>
    public ImmutableDictionary<string, LeadValue> Attributes
    {
        get => _attributes ?? BuildDictionary();
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _attributes = value;
            _entries = null;
        }
    }

    /// <summary>Gets the behavioural events.</summary>
    public ImmutableArray<LeadEvent> Events { get; init; } = [];

    /// <summary>Gets the sales touches.</summary>
    public ImmutableArray<LeadTouch> Touches { get; init; } = [];

    /// <summary>Gets the paused intervals of the SLA clock.</summary>
    public PauseSchedule Paused { get; init; } = PauseSchedule.Empty;

    /// <summary>Gets the disposition, if any.</summary>
    public LeadDisposition? Disposition { get; init; }

    /// <summary>Gets the tier and team pinned at hand-off, if any.</summary>
    public LeadAssignment? Assigned { get; init; }

    /// <summary>Gets the attributes sorted by name (ordinal), without building a dictionary.</summary>
    internal ReadOnlySpan<KeyValuePair<string, LeadValue>> AttributeEntries => _entries ?? BuildEntries();

    /// <summary>Reads an attribute by name (ordinal), without building a dictionary.</summary>
    internal bool TryGetAttribute(string name, out LeadValue value)
    {
        var entries = AttributeEntries;
        if (entries.Length <= 8)
        {
            foreach (var entry in entries)
            {
                if (string.Equals(entry.Key, name, StringComparison.Ordinal))
                {
                    value = entry.Value;
                    return true;
                }
            }
        }
        else
        {
            int lo = 0, hi = entries.Length - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var c = string.CompareOrdinal(entries[mid].Key, name);
                if (c == 0)
                {
                    value = entries[mid].Value;
                    return true;
                }

                if (c < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>Sets the attributes from entries sorted by name (ordinal) with distinct names (the JSON reader's form).</summary>
    internal KeyValuePair<string, LeadValue>[] SortedAttributeEntries
    {
        init
        {
            _entries = value;
            _attributes = null;
        }
    }

    /// <summary>A copy of this snapshot with other attributes, given sorted by name (ordinal) with distinct names.</summary>
    internal LeadSnapshot WithAttributeEntries(KeyValuePair<string, LeadValue>[] sorted) => this with { SortedAttributeEntries = sorted };

    /// <summary>Sorts attribute entries by name (ordinal), in place: the form <see cref="WithAttributeEntries"/> takes.</summary>
    internal static void SortEntries(KeyValuePair<string, LeadValue>[] entries)
    {
        if (entries.Length > 16)
        {
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return;
        }

        // A lead's few attributes: an insertion sort without a comparison delegate (the names are distinct).
        for (var i = 1; i < entries.Length; i++)
        {
            var entry = entries[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(entries[j].Key, entry.Key) > 0)
            {
                entries[j + 1] = entries[j];
                j--;
            }

            entries[j + 1] = entry;
        }
    }

    /// <inheritdoc/>
    public bool Equals(LeadSnapshot? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && EqualityContract == other.EqualityContract
            && Id == other.Id
            && MqlAt == other.MqlAt
            && AttributeEntries.SequenceEqual(other.AttributeEntries)
            && Events == other.Events
            && Touches == other.Touches
            && Paused == other.Paused
            && Disposition == other.Disposition
            && Assigned == other.Assigned);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, MqlAt, AttributeEntries.Length, Events.Length, Touches.Length, Disposition, Assigned);

    private ImmutableDictionary<string, LeadValue> BuildDictionary()
    {
        var dictionary = _entries is { Length: > 0 } entries ? ImmutableDictionary.CreateRange(StringComparer.Ordinal, entries) : ImmutableDictionary<string, LeadValue>.Empty;
        return Interlocked.CompareExchange(ref _attributes, dictionary, null) ?? dictionary;
    }

    private KeyValuePair<string, LeadValue>[] BuildEntries()
    {
        var entries = _attributes is { IsEmpty: false } dictionary ? dictionary.ToArray() : [];
        SortEntries(entries);
        return Interlocked.CompareExchange(ref _entries, entries, null) ?? entries;
    }

    /// <summary>
    /// Reads one lead from the UTF-8 bytes of a JSON object. Never throws for bad input: the result holds the
    /// snapshot, or a <see cref="LeadError"/> with a stable code, the JSON path of the field, the byte offset and the
    /// lead's id when it could be found. Unknown keys are ignored; <c>null</c> is the same as an absent key.
    /// </summary>
    /// <param name="utf8Json">The UTF-8 bytes of one JSON object (one line of a JSONL file, without its newline).</param>
    /// <returns>The snapshot or the error.</returns>
    /// <remarks>
    /// Rejected with a located error: invalid UTF-8, JSON syntax errors, lone UTF-16 surrogate escapes, nesting deeper
    /// than 64 levels, numbers beyond the range of a double, input over <see cref="MaxJsonBytes"/>, a key given twice,
    /// fields of the wrong type, instants without <c>Z</c> or an offset, an unknown disposition outcome. Thread-safe.
    /// </remarks>
    public static LeadParseResult Parse(ReadOnlySpan<byte> utf8Json) => LeadJsonReader.Read(utf8Json);

    /// <summary>Reads one lead from JSON text; see <see cref="Parse(ReadOnlySpan{byte})"/>.</summary>
    /// <param name="json">The JSON text of one object.</param>
    /// <returns>The snapshot or the error; byte offsets count bytes of the text's UTF-8 encoding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static LeadParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetMaxByteCount(json.Length) <= 4096)
        {
            Span<byte> small = stackalloc byte[4096];
            return Parse(small[..Encoding.UTF8.GetBytes(json, small)]);
        }

        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads one lead from the UTF-8 bytes of a JSON object, without saying why it failed.</summary>
    /// <param name="utf8Json">The UTF-8 bytes of one JSON object.</param>
    /// <param name="lead">The snapshot, or null.</param>
    /// <returns>Whether the lead was read; use <see cref="Parse(ReadOnlySpan{byte})"/> to get the error.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out LeadSnapshot? lead) => Parse(utf8Json).TryGetValue(out lead);

    /// <summary>Reads one lead from JSON text, without saying why it failed.</summary>
    /// <param name="json">The JSON text of one object; null is not a lead.</param>
    /// <param name="lead">The snapshot, or null.</param>
    /// <returns>Whether the lead was read; use <see cref="Parse(string)"/> to get the error.</returns>
    public static bool TryParse(string? json, [NotNullWhen(true)] out LeadSnapshot? lead)
    {
        lead = null;
        return json is not null && Parse(json).TryGetValue(out lead);
    }
}
