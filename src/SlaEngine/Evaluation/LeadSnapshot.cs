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

    /// <summary>Gets the attributes (a missing attribute is null in conditions).</summary>
    public ImmutableDictionary<string, LeadValue> Attributes { get; init; } = ImmutableDictionary<string, LeadValue>.Empty;

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
