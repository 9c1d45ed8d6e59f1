using System.Buffers;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Conditions;

namespace SlaEngine.Evaluation;

/// <summary>
/// The reader's fast path for the compact lines exporters write: no whitespace, no escapes, the keys SlaEngine knows
/// (<c>id</c>, <c>mql_at</c>, <c>attributes</c>, <c>events</c>, <c>touches</c>, <c>paused</c>, <c>disposition</c>,
/// <c>assigned</c>), instants as
/// <c>uuuu-MM-ddTHH:mm:ssZ</c>, attribute values that are strings, numbers, booleans or null. It reads such a line
/// byte by byte into exactly the snapshot the full pass builds (the same strings, shared through the same cache) and
/// gives up on anything else, from its first unexpected byte: the full pass then reads the line from the start, so
/// every error, and every line this path does not know, is answered by the full pass alone.
/// </summary>
internal static partial class LeadJsonReader
{
    /// <summary>The bytes that end a plain string's scan: the quote, the backslash of an escape, control characters.</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    /// <summary>Reads a compact lead line, or returns null when the line is anything else (the full pass reads it then).</summary>
    /// <param name="utf8">A line that is valid UTF-8.</param>
    internal static LeadSnapshot? TryReadCompact(ReadOnlySpan<byte> utf8) => new Compact(utf8, t_strings ??= new Utf8StringCache()).Read();

    private ref struct Compact(ReadOnlySpan<byte> input, Utf8StringCache strings)
    {
        private readonly ReadOnlySpan<byte> _s = input;
        private readonly Utf8StringCache _strings = strings;
        private int _p;

        public LeadSnapshot? Read()
        {
            string? id = null;
            Instant? mqlAt = null;
            KeyValuePair<string, LeadValue>[]? attributes = null;
            ImmutableArray<LeadEvent> events = [];
            ImmutableArray<LeadTouch> touches = [];
            LeadAssignment? assigned = null;
            var paused = PauseSchedule.Empty;
            LeadDisposition? disposition = null;
            var seen = 0;
            if (!Byte((byte)'{'))
            {
                return null;
            }

            do
            {
                if (!Key(out var key))
                {
                    return null;
                }

                var field = key.SequenceEqual("id"u8) ? 0
                    : key.SequenceEqual("mql_at"u8) ? 1
                    : key.SequenceEqual("attributes"u8) ? 2
                    : key.SequenceEqual("events"u8) ? 3
                    : key.SequenceEqual("touches"u8) ? 4
                    : key.SequenceEqual("assigned"u8) ? 5
                    : key.SequenceEqual("paused"u8) ? 6
                    : key.SequenceEqual("disposition"u8) ? 7
                    : -1;
                if (field < 0 || (seen & (1 << field)) != 0)
                {
                    return null;
                }

                seen |= 1 << field;
                if (field > 0 && Literal("null"u8))
                {
                    continue; // null is the same as absent
                }

                var ok = field switch
                {
                    0 => String(out var raw) && Text(raw, cache: false, out id),
                    1 => InstantValue(out mqlAt),
                    2 => Attributes(out attributes),
                    3 => Events(out events),
                    4 => Touches(out touches),
                    5 => Assigned(out assigned),
                    6 => Paused(out paused),
                    _ => Disposition(out disposition),
                };
                if (!ok)
                {
                    return null;
                }
            }
            while (Byte((byte)','));

            if (!Byte((byte)'}') || _p != _s.Length || id is null)
            {
                return null;
            }

            return new LeadSnapshot(id)
            {
                MqlAt = mqlAt,
                Events = events,
                Touches = touches,
                Assigned = assigned,
                Paused = paused,
                Disposition = disposition,
                SortedAttributeEntries = attributes ?? [],
            };
        }

        private bool Attributes(out KeyValuePair<string, LeadValue>[]? attributes)
        {
            attributes = null;
            if (!Byte((byte)'{'))
            {
                return false;
            }

            var entries = default(SmallList<KeyValuePair<string, LeadValue>>);
            if (!Byte((byte)'}'))
            {
                do
                {
                    if (entries.Count == 16 || !Key(out var raw) || !Text(raw, cache: true, out var name) || !Value(out var value))
                    {
                        return false;
                    }

                    for (var i = 0; i < entries.Count; i++)
                    {
                        if (string.Equals(entries[i].Key, name, StringComparison.Ordinal))
                        {
                            return false;
                        }
                    }

                    entries.Add(new KeyValuePair<string, LeadValue>(name, value));
                }
                while (Byte((byte)','));

                if (!Byte((byte)'}'))
                {
                    return false;
                }
            }

            attributes = entries.ToArray();
            LeadSnapshot.SortEntries(attributes);
            return true;
        }

        private bool Value(out LeadValue value)
        {
            value = default;
            if (_p >= _s.Length)
            {
                return false;
            }

            switch (_s[_p])
            {
                case (byte)'"':
                    if (!String(out var raw) || !Text(raw, cache: true, out var text))
                    {
                        return false;
                    }

                    value = LeadValue.FromString(text);
                    return true;
                case (byte)'t':
                    value = LeadValue.FromBoolean(true);
                    return Literal("true"u8);
                case (byte)'f':
                    value = LeadValue.FromBoolean(false);
                    return Literal("false"u8);
                case (byte)'n':
                    return Literal("null"u8);
                default:
                    if (!Number(out var number))
                    {
                        return false;
                    }

                    value = LeadValue.FromNumber(number);
                    return true;
            }
        }

        private bool Events(out ImmutableArray<LeadEvent> events)
        {
            events = [];
            if (!Byte((byte)'['))
            {
                return false;
            }

            var builder = default(SmallList<LeadEvent>);
            if (!Byte((byte)']'))
            {
                do
                {
                    string? type = null;
                    Instant? at = null;
                    if (!Byte((byte)'{'))
                    {
                        return false;
                    }

                    do
                    {
                        if (!Key(out var key))
                        {
                            return false;
                        }

                        if (key.SequenceEqual("type"u8))
                        {
                            if (type is not null || !String(out var raw) || !Text(raw, cache: true, out type))
                            {
                                return false;
                            }
                        }
                        else if (!key.SequenceEqual("at"u8) || at is not null || !InstantValue(out at))
                        {
                            return false;
                        }
                    }
                    while (Byte((byte)','));

                    if (!Byte((byte)'}') || type is null || at is null)
                    {
                        return false;
                    }

                    builder.Add(new LeadEvent(type, at.Value));
                }
                while (Byte((byte)','));

                if (!Byte((byte)']'))
                {
                    return false;
                }
            }

            events = builder.ToImmutable();
            return true;
        }

        private bool Touches(out ImmutableArray<LeadTouch> touches)
        {
            touches = [];
            if (!Byte((byte)'['))
            {
                return false;
            }

            var builder = default(SmallList<LeadTouch>);
            if (!Byte((byte)']'))
            {
                do
                {
                    string? channel = null;
                    string? outcome = null;
                    Instant? at = null;
                    var seen = 0;
                    if (!Byte((byte)'{'))
                    {
                        return false;
                    }

                    do
                    {
                        if (!Key(out var key))
                        {
                            return false;
                        }

                        var which = key.SequenceEqual("channel"u8) ? 1 : key.SequenceEqual("at"u8) ? 2 : key.SequenceEqual("outcome"u8) ? 4 : 0;
                        if (which == 0 || (seen & which) != 0)
                        {
                            return false;
                        }

                        seen |= which;
                        var ok = which switch
                        {
                            1 => String(out var raw) && Text(raw, cache: true, out channel),
                            2 => InstantValue(out at),
                            _ => Literal("null"u8) || (String(out var raw) && Text(raw, cache: true, out outcome)),
                        };
                        if (!ok)
                        {
                            return false;
                        }
                    }
                    while (Byte((byte)','));

                    if (!Byte((byte)'}') || channel is null || at is null)
                    {
                        return false;
                    }

                    builder.Add(new LeadTouch(channel, at.Value, outcome));
                }
                while (Byte((byte)','));

                if (!Byte((byte)']'))
                {
                    return false;
                }
            }

            touches = builder.ToImmutable();
            return true;
        }

        private bool Assigned(out LeadAssignment? assigned)
        {
            assigned = null;
            string? tier = null;
            string? team = null;
            var seen = 0;
            if (!Byte((byte)'{'))
            {
                return false;
            }

            if (!Byte((byte)'}'))
            {
                do
                {
                    if (!Key(out var key))
                    {
                        return false;
                    }

                    var which = key.SequenceEqual("tier"u8) ? 1 : key.SequenceEqual("team"u8) ? 2 : 0;
                    if (which == 0 || (seen & which) != 0)
                    {
                        return false;
                    }

                    seen |= which;
                    if (Literal("null"u8))
                    {
                        continue;
                    }

                    if (!String(out var raw) || !Text(raw, cache: true, out var text))
                    {
                        return false;
                    }

                    (which == 1 ? ref tier : ref team) = text;
                }
                while (Byte((byte)','));

                if (!Byte((byte)'}'))
                {
                    return false;
                }
            }

            assigned = tier is null && team is null ? null : new LeadAssignment(tier, team);
            return true;
        }

        private bool Paused(out PauseSchedule paused)
        {
            paused = PauseSchedule.Empty;
            if (!Byte((byte)'['))
            {
                return false;
            }

            var intervals = default(SmallList<Interval>);
            if (!Byte((byte)']'))
            {
                do
                {
                    Instant? from = null;
                    Instant? to = null;
                    if (!Byte((byte)'{'))
                    {
                        return false;
                    }

                    do
                    {
                        if (!Key(out var key))
                        {
                            return false;
                        }

                        var ok = key.SequenceEqual("from"u8) ? from is null && InstantValue(out from)
                            : key.SequenceEqual("to"u8) && to is null && InstantValue(out to);
                        if (!ok)
                        {
                            return false;
                        }
                    }
                    while (Byte((byte)','));

                    if (!Byte((byte)'}') || from is null || to is null || to < from)
                    {
                        return false;
                    }

                    intervals.Add(new Interval(from.Value, to.Value));
                }
                while (Byte((byte)','));

                if (!Byte((byte)']'))
                {
                    return false;
                }
            }

            paused = PauseSchedule.CreateFrom(intervals.ToImmutable());
            return true;
        }

        private bool Disposition(out LeadDisposition? disposition)
        {
            disposition = null;
            DispositionOutcome? outcome = null;
            Instant? at = null;
            var seen = 0;
            if (!Byte((byte)'{'))
            {
                return false;
            }

            do
            {
                if (!Key(out var key))
                {
                    return false;
                }

                var which = key.SequenceEqual("outcome"u8) ? 1 : key.SequenceEqual("at"u8) ? 2 : 0;
                if (which == 0 || (seen & which) != 0)
                {
                    return false;
                }

                seen |= which;
                if (which == 2)
                {
                    if (!InstantValue(out at))
                    {
                        return false;
                    }

                    continue;
                }

                if (!String(out var raw))
                {
                    return false;
                }

                outcome = raw.SequenceEqual("convert"u8) ? DispositionOutcome.Convert
                    : raw.SequenceEqual("defer"u8) ? DispositionOutcome.Defer
                    : raw.SequenceEqual("recycle"u8) ? DispositionOutcome.Recycle
                    : null;
                if (outcome is null)
                {
                    return false;
                }
            }
            while (Byte((byte)','));

            if (!Byte((byte)'}') || outcome is null || at is null)
            {
                return false;
            }

            disposition = new LeadDisposition(outcome.Value, at.Value);
            return true;
        }

        /// <summary>A member's name and its colon.</summary>
        private bool Key(out ReadOnlySpan<byte> key) => String(out key) && Byte((byte)':');

        /// <summary>A string without escapes or control characters: its raw bytes (valid UTF-8: the whole line was checked).</summary>
        private bool String(out ReadOnlySpan<byte> raw)
        {
            raw = default;
            if (!Byte((byte)'"'))
            {
                return false;
            }

            var rest = _s[_p..];
            var end = rest.IndexOfAny(StringStops);
            if (end < 0 || rest[end] != (byte)'"')
            {
                return false;
            }

            raw = rest[..end];
            _p += end + 1;
            return true;
        }

        /// <summary>The text of a string's bytes, as the full pass makes it: shared through the cache when short.</summary>
        private readonly bool Text(ReadOnlySpan<byte> raw, bool cache, out string text)
        {
            text = cache && raw.Length <= MaxCachedLength ? _strings.Get(raw) : Encoding.UTF8.GetString(raw);
            return true;
        }

        private bool InstantValue(out Instant? instant)
        {
            instant = null;
            if (!String(out var raw) || !InstantText.TryParseCanonicalUtc(raw, out var value))
            {
                return false;
            }

            instant = value;
            return true;
        }

        /// <summary>A JSON number (<c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>) that is a finite double, read as the JSON reader reads it.</summary>
        private bool Number(out double number)
        {
            number = 0;
            var start = _p;
            Byte((byte)'-');
            if (Byte((byte)'0'))
            {
                // A leading zero stands alone.
            }
            else if (!Digits())
            {
                return false;
            }

            if (Byte((byte)'.') && !Digits())
            {
                return false;
            }

            if (Byte((byte)'e') || Byte((byte)'E'))
            {
                if (!Byte((byte)'+'))
                {
                    Byte((byte)'-');
                }

                if (!Digits())
                {
                    return false;
                }
            }

            var text = _s[start.._p];
            return Utf8Parser.TryParse(text, out number, out var consumed) && consumed == text.Length && double.IsFinite(number);
        }

        /// <summary>One digit or more.</summary>
        private bool Digits()
        {
            var start = _p;
            while (_p < _s.Length && (uint)(_s[_p] - '0') <= 9)
            {
                _p++;
            }

            return _p > start;
        }

        private bool Literal(ReadOnlySpan<byte> literal)
        {
            if (!_s[_p..].StartsWith(literal))
            {
                return false;
            }

            _p += literal.Length;
            return true;
        }

        private bool Byte(byte b)
        {
            if (_p < _s.Length && _s[_p] == b)
            {
                _p++;
                return true;
            }

            return false;
        }
    }
}
