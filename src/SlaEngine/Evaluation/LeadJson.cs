using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using SlaEngine.Diagnostics;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>
/// Reads lead snapshots from JSON (spec 4.1): one object per line in JSONL files. Never throws for bad input:
/// a malformed lead gives a <see cref="LeadReadResult"/> with a stable code saying which field is wrong and why.
/// Unknown fields are ignored. Thread-safe.
/// </summary>
public static class LeadJson
{
    /// <summary>The largest lead line accepted, in bytes (1 MiB).</summary>
    public const int MaxLineBytes = 1 << 20;

    private const int CanonicalLength = 20;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Reads one lead from a JSON object.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The snapshot or the error.</returns>
    public static LeadReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads one lead from UTF-8 JSON bytes.</summary>
    /// <param name="utf8">The UTF-8 bytes of one JSON object.</param>
    /// <returns>The snapshot or the error.</returns>
    public static LeadReadResult Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length > MaxLineBytes)
        {
            return LeadReadResult.Fail(null, DiagnosticCodes.LeadValueOutOfRange, string.Create(CultureInfo.InvariantCulture, $"the lead is longer than the limit of {MaxLineBytes} bytes"));
        }

        // The JSON parser does not check the UTF-8 inside strings; reading such a string later would throw.
        if (!Utf8.IsValid(utf8.Span))
        {
            return LeadReadResult.Fail(null, DiagnosticCodes.LeadMalformedJson, string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 at column {FirstInvalidUtf8(utf8.Span) + 1}"));
        }

        if (LeadJsonFastReader.TryRead(utf8.Span) is { } fast)
        {
            return LeadReadResult.Ok(fast);
        }

        return ReadComplete(utf8);
    }

    /// <summary>The complete reader: every check, with a located error for anything wrong (the fast path's fallback).</summary>
    internal static LeadReadResult ReadComplete(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.BytePositionInLine is { } col ? string.Create(CultureInfo.InvariantCulture, $" at column {col + 1}") : string.Empty;
            return LeadReadResult.Fail(null, DiagnosticCodes.LeadMalformedJson, utf8.IsEmpty || IsBlank(utf8.Span) ? "empty line: expected a lead object" : $"not valid JSON{where}: {Trim(e.Message)}");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static LeadReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return LeadReadResult.Fail(null, DiagnosticCodes.LeadWrongType, $"a lead must be a JSON object, not {Kind(root)}");
        }

        string? id = null;
        if (root.TryGetProperty("id", out var idElement))
        {
            id = idElement.ValueKind switch
            {
                JsonValueKind.String => idElement.GetString(),
                JsonValueKind.Number => idElement.GetRawText(),
                _ => null,
            };
        }

        if (id is null)
        {
            return LeadReadResult.Fail(null, DiagnosticCodes.LeadMissingField, "'id' is required and must be a string");
        }

        try
        {
            return LeadReadResult.Ok(ReadLead(root, id));
        }
        catch (LeadFormatException e)
        {
            return LeadReadResult.Fail(id, e.Code, e.Message);
        }
    }

    private static LeadSnapshot ReadLead(JsonElement root, string id)
    {
        // Fields are read in a fixed order (so the first error reported is stable) into locals, and the snapshot is
        // built once at the end.
        Instant? mqlAtValue = null;
        var attributeValues = ImmutableDictionary<string, LeadValue>.Empty;
        ImmutableArray<LeadEvent> eventValues = [];
        ImmutableArray<LeadTouch> touchValues = [];
        var pausedValue = PauseSchedule.Empty;
        LeadDisposition? dispositionValue = null;
        LeadAssignment? assignedValue = null;
        if (Optional(root, "mql_at") is { } mqlAt)
        {
            mqlAtValue = ReadInstant(mqlAt, "mql_at");
        }

        if (Optional(root, "attributes") is { } attributes)
        {
            Expect(attributes, JsonValueKind.Object, "attributes");
            var builder = ImmutableDictionary.CreateBuilder<string, LeadValue>(StringComparer.Ordinal);
            foreach (var property in attributes.EnumerateObject())
            {
                builder[property.Name] = ReadValue(property.Value, new FieldPath("attributes", -1, property.Name), 0);
            }

            attributeValues = builder.ToImmutable();
        }

        if (Optional(root, "events") is { } events)
        {
            Expect(events, JsonValueKind.Array, "events");
            var builder = ImmutableArray.CreateBuilder<LeadEvent>(events.GetArrayLength());
            var i = 0;
            foreach (var e in events.EnumerateArray())
            {
                var path = new FieldPath("events", i++);
                Expect(e, JsonValueKind.Object, path);
                builder.Add(new LeadEvent(RequiredString(e, "type", path), ReadInstant(Required(e, "at", path), path.Dot("at"))));
            }

            eventValues = builder.MoveToImmutable();
        }

        if (Optional(root, "touches") is { } touches)
        {
            Expect(touches, JsonValueKind.Array, "touches");
            var builder = ImmutableArray.CreateBuilder<LeadTouch>(touches.GetArrayLength());
            var i = 0;
            foreach (var t in touches.EnumerateArray())
            {
                var path = new FieldPath("touches", i++);
                Expect(t, JsonValueKind.Object, path);
                var outcome = Optional(t, "outcome") is { } o ? (o.ValueKind == JsonValueKind.String ? o.GetString() : throw WrongType(path.Dot("outcome"), "a string", o)) : null;
                builder.Add(new LeadTouch(RequiredString(t, "channel", path), ReadInstant(Required(t, "at", path), path.Dot("at")), outcome));
            }

            touchValues = builder.MoveToImmutable();
        }

        if (Optional(root, "paused") is { } paused)
        {
            Expect(paused, JsonValueKind.Array, "paused");
            var intervals = new List<Interval>();
            var i = 0;
            foreach (var p in paused.EnumerateArray())
            {
                var path = new FieldPath("paused", i++);
                Expect(p, JsonValueKind.Object, path);
                var from = ReadInstant(Required(p, "from", path), path.Dot("from"));
                var to = ReadInstant(Required(p, "to", path), path.Dot("to"));
                if (to < from)
                {
                    throw new LeadFormatException(DiagnosticCodes.LeadValueOutOfRange, $"'{path}' ends before it starts");
                }

                intervals.Add(new Interval(from, to));
            }

            pausedValue = PauseSchedule.Create(intervals);
        }

        if (Optional(root, "disposition") is { } disposition)
        {
            Expect(disposition, JsonValueKind.Object, "disposition");
            var outcomeText = RequiredString(disposition, "outcome", "disposition");
            DispositionOutcome outcome = outcomeText.ToLowerInvariant() switch
            {
                "convert" => DispositionOutcome.Convert,
                "defer" => DispositionOutcome.Defer,
                "recycle" => DispositionOutcome.Recycle,
                _ => throw new LeadFormatException(DiagnosticCodes.LeadInvalidOutcome, $"'disposition.outcome' is '{outcomeText}'; expected convert, defer or recycle"),
            };
            dispositionValue = new LeadDisposition(outcome, ReadInstant(Required(disposition, "at", "disposition"), "disposition.at"));
        }

        if (Optional(root, "assigned") is { } assigned)
        {
            Expect(assigned, JsonValueKind.Object, "assigned");
            var tier = Optional(assigned, "tier") is { } tierElement ? ExpectString(tierElement, "assigned.tier") : null;
            var team = Optional(assigned, "team") is { } teamElement ? ExpectString(teamElement, "assigned.team") : null;
            if (tier is not null || team is not null)
            {
                assignedValue = new LeadAssignment(tier, team);
            }
        }

        return new LeadSnapshot(id)
        {
            MqlAt = mqlAtValue,
            Attributes = attributeValues,
            Events = eventValues,
            Touches = touchValues,
            Paused = pausedValue,
            Disposition = dispositionValue,
            Assigned = assignedValue,
        };
    }

    private static LeadValue ReadValue(JsonElement element, FieldPath path, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return LeadValue.Null;
            case JsonValueKind.True:
                return LeadValue.FromBoolean(true);
            case JsonValueKind.False:
                return LeadValue.FromBoolean(false);
            case JsonValueKind.String:
                return LeadValue.FromString(element.GetString());
            case JsonValueKind.Number:
                var number = element.GetDouble();
                return double.IsFinite(number)
                    ? LeadValue.FromNumber(number)
                    : throw new LeadFormatException(DiagnosticCodes.LeadValueOutOfRange, $"'{path}' is not a finite number");
            case JsonValueKind.Array:
                var builder = ImmutableArray.CreateBuilder<LeadValue>(element.GetArrayLength());
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    builder.Add(ReadValue(item, new FieldPath(path.ToString(), i++), depth + 1));
                }

                return LeadValue.FromList(builder.MoveToImmutable());
            default:
                throw WrongType(path, "null, a boolean, a number, a string or a list", element);
        }
    }

    private static JsonElement? Optional(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement Required(JsonElement obj, string name, FieldPath path) =>
        Optional(obj, name) ?? throw new LeadFormatException(DiagnosticCodes.LeadMissingField, $"'{path}.{name}' is required");

    private static string RequiredString(JsonElement obj, string name, FieldPath path) => ExpectString(Required(obj, name, path), path.Dot(name));

    private static string ExpectString(JsonElement element, FieldPath path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw WrongType(path, "a string", element);

    private static void Expect(JsonElement element, JsonValueKind kind, FieldPath path)
    {
        if (element.ValueKind != kind)
        {
            throw WrongType(path, kind == JsonValueKind.Array ? "an array" : "an object", element);
        }
    }

    private static Instant ReadInstant(JsonElement element, FieldPath path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw WrongType(path, "an ISO-8601 instant string", element);
        }

        // Fast path: the canonical UTC form, read from the raw UTF-8 bytes without making a string.
        if (TryParseCanonicalUtc(JsonMarshal.GetRawUtf8Value(element), out var canonical))
        {
            return canonical;
        }

        var text = element.GetString()!;
        return TryParseInstant(text, out var instant)
            ? instant
            : throw new LeadFormatException(DiagnosticCodes.LeadInvalidInstant, $"'{path}' is '{Shorten(text)}'; expected an ISO-8601 instant with Z or an offset, like 2026-11-20T15:30:00Z");
    }

    /// <summary>Parses an ISO-8601 instant with <c>Z</c> or an offset (fractional seconds allowed).</summary>
    /// <param name="text">The text.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>Whether the text is a valid instant.</returns>
    public static bool TryParseInstant(string? text, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Length == CanonicalLength)
        {
            Span<byte> ascii = stackalloc byte[CanonicalLength];
            var isAscii = true;
            for (var i = 0; i < CanonicalLength; i++)
            {
                isAscii &= text[i] < 128;
                ascii[i] = (byte)text[i];
            }

            if (isAscii && TryParseCanonicalUtc(ascii, out instant))
            {
                return true;
            }
        }

        var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (result.Success)
        {
            instant = result.Value.ToInstant();
            return true;
        }

        var utc = InstantPattern.ExtendedIso.Parse(text);
        if (utc.Success)
        {
            instant = utc.Value;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Parses exactly <c>uuuu-MM-ddTHH:mm:ssZ</c> (years 0001–9999, no fraction): the form almost every lead uses.
    /// Anything else returns false and goes through NodaTime's patterns, so the accepted language is unchanged.
    /// </summary>
    internal static bool TryParseCanonicalUtc(ReadOnlySpan<byte> text, out Instant instant)
    {
        instant = default;
        if (text.Length == CanonicalLength + 2 && text[0] == (byte)'"' && text[^1] == (byte)'"')
        {
            text = text[1..^1];
        }

        if (text.Length != CanonicalLength
            || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T'
            || text[13] != (byte)':' || text[16] != (byte)':' || text[19] != (byte)'Z')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        instant = Instant.FromUtc(year, month, day, hour, minute, second);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static LeadFormatException WrongType(FieldPath path, string expected, JsonElement actual) =>
        new(DiagnosticCodes.LeadWrongType, $"'{path}' must be {expected}, not {Kind(actual)}");

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static string Trim(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>A field's path for error messages (<c>touches[2].at</c>), turned into text only when an error needs it.</summary>
    private readonly record struct FieldPath(string Head, int Index = -1, string? Name = null)
    {
        public static implicit operator FieldPath(string path) => new(path);

        public FieldPath Dot(string name) => Name is null ? this with { Name = name } : new FieldPath(ToString(), -1, name);

        public override string ToString() =>
            Head + (Index >= 0 ? "[" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" : string.Empty) + (Name is null ? string.Empty : "." + Name);
    }

    private sealed class LeadFormatException(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }
}
