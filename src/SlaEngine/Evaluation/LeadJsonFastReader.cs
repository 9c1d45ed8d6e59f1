using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>
/// The fast path of <see cref="LeadJson"/>: one forward pass of <see cref="Utf8JsonReader"/> over a well-formed lead,
/// with short repeated strings (attribute names, event types, channels) shared through a per-thread cache.
/// Anything unusual — a syntax error, a wrong type, a missing field, a duplicate key, an unparseable instant — makes
/// it give up, and the complete reader (which reports the located error) takes over. For valid input both readers
/// give equal snapshots; a test checks that.
/// </summary>
internal static class LeadJsonFastReader
{
    private const int MaxCachedLength = 48;

    [ThreadStatic]
    private static Dictionary<string, string>? t_strings;

    internal static LeadSnapshot? TryRead(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
            return ReadLead(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static LeadSnapshot? ReadLead(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? id = null;
        Instant? mqlAt = null;
        ImmutableDictionary<string, LeadValue>? attributes = null;
        ImmutableArray<LeadEvent> events = [];
        ImmutableArray<LeadTouch> touches = [];
        var paused = PauseSchedule.Empty;
        LeadDisposition? disposition = null;
        LeadAssignment? assigned = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = RootField(ref reader);
            if (field == -2)
            {
                return null; // an escaped property name: let the complete reader decide
            }

            if (field >= 0)
            {
                if ((seen & (1 << field)) != 0)
                {
                    return null; // a duplicate key: let the complete reader decide
                }

                seen |= 1 << field;
            }

            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.Null && field > 0)
            {
                continue; // null is the same as absent
            }

            switch (field)
            {
                case 0:
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return null;
                    }

                    id = reader.GetString();
                    break;
                case 1:
                    if (!TryInstant(ref reader, out var start))
                    {
                        return null;
                    }

                    mqlAt = start;
                    break;
                case 2:
                    attributes = ReadAttributes(ref reader);
                    if (attributes is null)
                    {
                        return null;
                    }

                    break;
                case 3:
                    if (!TryReadEvents(ref reader, out events))
                    {
                        return null;
                    }

                    break;
                case 4:
                    if (!TryReadTouches(ref reader, out touches))
                    {
                        return null;
                    }

                    break;
                case 5:
                    if (!TryReadPaused(ref reader, out paused))
                    {
                        return null;
                    }

                    break;
                case 6:
                    if (!TryReadDisposition(ref reader, out disposition))
                    {
                        return null;
                    }

                    break;
                case 7:
                    if (!TryReadAssigned(ref reader, out assigned))
                    {
                        return null;
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || id is null)
        {
            return null;
        }

        return new LeadSnapshot(id)
        {
            MqlAt = mqlAt,
            Attributes = attributes ?? ImmutableDictionary<string, LeadValue>.Empty,
            Events = events,
            Touches = touches,
            Paused = paused,
            Disposition = disposition,
            Assigned = assigned,
        };
    }

    private static int RootField(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return -2;
        }

        var name = reader.ValueSpan;
        return name switch
        {
            _ when name.SequenceEqual("id"u8) => 0,
            _ when name.SequenceEqual("mql_at"u8) => 1,
            _ when name.SequenceEqual("attributes"u8) => 2,
            _ when name.SequenceEqual("events"u8) => 3,
            _ when name.SequenceEqual("touches"u8) => 4,
            _ when name.SequenceEqual("paused"u8) => 5,
            _ when name.SequenceEqual("disposition"u8) => 6,
            _ when name.SequenceEqual("assigned"u8) => 7,
            _ => -1,
        };
    }

    private static ImmutableDictionary<string, LeadValue>? ReadAttributes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, LeadValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Text(ref reader);
            if (!reader.Read() || !TryValue(ref reader, out var value))
            {
                return null;
            }

            builder[name] = value;
        }

        return builder.ToImmutable();
    }

    private static bool TryValue(ref Utf8JsonReader reader, out LeadValue value)
    {
        value = default;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.True:
                value = LeadValue.FromBoolean(true);
                return true;
            case JsonTokenType.False:
                value = LeadValue.FromBoolean(false);
                return true;
            case JsonTokenType.String:
                value = LeadValue.FromString(Text(ref reader));
                return true;
            case JsonTokenType.Number:
                if (!reader.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    return false;
                }

                value = LeadValue.FromNumber(number);
                return true;
            case JsonTokenType.StartArray:
                var items = ImmutableArray.CreateBuilder<LeadValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!TryValue(ref reader, out var item))
                    {
                        return false;
                    }

                    items.Add(item);
                }

                value = LeadValue.FromList(items.ToImmutable());
                return true;
            default:
                return false;
        }
    }

    private static bool TryReadEvents(ref Utf8JsonReader reader, out ImmutableArray<LeadEvent> events)
    {
        events = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<LeadEvent>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? type = null;
            Instant? at = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("type"u8);
                var isAt = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("at"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isType)
                {
                    if (type is not null || reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    type = Text(ref reader);
                }
                else if (isAt)
                {
                    if (at is not null || !TryInstant(ref reader, out var instant))
                    {
                        return false;
                    }

                    at = instant;
                }
                else
                {
                    reader.Skip();
                }
            }

            if (type is null || at is null)
            {
                return false;
            }

            builder.Add(new LeadEvent(type, at.Value));
        }

        events = builder.ToImmutable();
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryReadTouches(ref Utf8JsonReader reader, out ImmutableArray<LeadTouch> touches)
    {
        touches = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<LeadTouch>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? channel = null;
            string? outcome = null;
            var outcomeSeen = false;
            Instant? at = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueIsEscaped ? default : reader.ValueSpan;
                if (!reader.Read())
                {
                    return false;
                }

                if (name.SequenceEqual("channel"u8))
                {
                    if (channel is not null || reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    channel = Text(ref reader);
                }
                else if (name.SequenceEqual("at"u8))
                {
                    if (at is not null || !TryInstant(ref reader, out var instant))
                    {
                        return false;
                    }

                    at = instant;
                }
                else if (name.SequenceEqual("outcome"u8))
                {
                    if (outcomeSeen || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        return false;
                    }

                    outcomeSeen = true;
                    outcome = reader.TokenType == JsonTokenType.Null ? null : Text(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (channel is null || at is null)
            {
                return false;
            }

            builder.Add(new LeadTouch(channel, at.Value, outcome));
        }

        touches = builder.ToImmutable();
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryReadPaused(ref Utf8JsonReader reader, out PauseSchedule paused)
    {
        paused = PauseSchedule.Empty;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var intervals = new List<Interval>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            Instant? from = null;
            Instant? to = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFrom = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("from"u8);
                var isTo = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("to"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isFrom || isTo)
                {
                    if ((isFrom ? from : to) is not null || !TryInstant(ref reader, out var instant))
                    {
                        return false;
                    }

                    if (isFrom)
                    {
                        from = instant;
                    }
                    else
                    {
                        to = instant;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (from is null || to is null || to < from)
            {
                return false;
            }

            intervals.Add(new Interval(from.Value, to.Value));
        }

        paused = PauseSchedule.Create(intervals);
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryReadDisposition(ref Utf8JsonReader reader, out LeadDisposition? disposition)
    {
        disposition = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        DispositionOutcome? outcome = null;
        Instant? at = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isOutcome = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("outcome"u8);
            var isAt = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("at"u8);
            if (!reader.Read())
            {
                return false;
            }

            if (isOutcome)
            {
                if (outcome is not null || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                outcome = reader.GetString()!.ToLowerInvariant() switch
                {
                    "convert" => DispositionOutcome.Convert,
                    "defer" => DispositionOutcome.Defer,
                    "recycle" => DispositionOutcome.Recycle,
                    _ => null,
                };
                if (outcome is null)
                {
                    return false;
                }
            }
            else if (isAt)
            {
                if (at is not null || !TryInstant(ref reader, out var instant))
                {
                    return false;
                }

                at = instant;
            }
            else
            {
                reader.Skip();
            }
        }

        if (outcome is null || at is null)
        {
            return false;
        }

        disposition = new LeadDisposition(outcome.Value, at.Value);
        return true;
    }

    private static bool TryReadAssigned(ref Utf8JsonReader reader, out LeadAssignment? assigned)
    {
        assigned = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? tier = null;
        string? team = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var which = reader.ValueIsEscaped ? 0 : reader.ValueSpan.SequenceEqual("tier"u8) ? 1 : reader.ValueSpan.SequenceEqual("team"u8) ? 2 : 0;
            if (!reader.Read())
            {
                return false;
            }

            if (which == 0)
            {
                reader.Skip();
                continue;
            }

            if ((seen & which) != 0 || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
            {
                return false;
            }

            seen |= which;
            var value = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            if (which == 1)
            {
                tier = value;
            }
            else
            {
                team = value;
            }
        }

        assigned = tier is null && team is null ? null : new LeadAssignment(tier, team);
        return true;
    }

    private static bool TryInstant(ref Utf8JsonReader reader, out Instant instant)
    {
        instant = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (!reader.ValueIsEscaped && LeadJson.TryParseCanonicalUtc(reader.ValueSpan, out instant))
        {
            return true;
        }

        return LeadJson.TryParseInstant(reader.GetString(), out instant);
    }

    /// <summary>Reads a string token, sharing short strings through a per-thread cache (attribute names, event types, channels repeat).</summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxCachedLength)
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        Span<char> chars = stackalloc char[MaxCachedLength];
        var length = Encoding.UTF8.GetChars(bytes, chars);
        var cache = t_strings ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out var shared))
        {
            return shared;
        }

        var text = new string(chars[..length]);
        if (cache.Count < 4096)
        {
            cache[text] = text;
        }

        return text;
    }
}
