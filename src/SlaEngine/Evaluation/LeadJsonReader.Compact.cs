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

    /// <summary>The fields of a lead as read, before its snapshot is made: one place for both passes to build it.</summary>
    private struct LeadParts
    {
        public Instant? MqlAt;
        public KeyValuePair<string, LeadValue>[]? Attributes;
        public ImmutableArray<LeadEvent> Events;
        public ImmutableArray<LeadTouch> Touches;
        public PauseSchedule? Paused;
        public LeadDisposition? Disposition;
        public LeadAssignment? Assigned;

        public readonly LeadSnapshot Build(string id) => new(id)
        {
            MqlAt = MqlAt,
            Events = Events.IsDefault ? [] : Events,
            Touches = Touches.IsDefault ? [] : Touches,
            Paused = Paused ?? PauseSchedule.Empty,
            Disposition = Disposition,
            Assigned = Assigned,
            SortedAttributeEntries = Attributes ?? [],
        };
    }

    private ref struct Compact(ReadOnlySpan<byte> input, Utf8StringCache strings)
    {
        private readonly ReadOnlySpan<byte> _s = input;
        private readonly Utf8StringCache _strings = strings;
        private int _p;

        public LeadSnapshot? Read()
        {
            string? id = null;
            var lead = default(LeadParts);
            var seen = 0;
            if (!Open((byte)'{', (byte)'}', out var more))
            {
                return null;
            }

            while (more)
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
                var ok = (field > 0 && Literal("null"u8)) // null is the same as absent
                    || field switch
                    {
                        0 => String(out var raw) && (id = Text(raw, cache: false)) is not null,
                        1 => InstantValue(out lead.MqlAt),
                        2 => Attributes(out lead.Attributes),
                        3 => Events(out lead.Events),
                        4 => Touches(out lead.Touches),
                        5 => Assigned(out lead.Assigned),
                        6 => Paused(out lead.Paused),
                        _ => Disposition(out lead.Disposition),
                    };
                if (!ok || !Next((byte)'}', out more))
                {
                    return null;
                }
            }

            return _p == _s.Length && id is not null ? lead.Build(id) : null;
        }

        private bool Attributes(out KeyValuePair<string, LeadValue>[]? attributes)
        {
            attributes = null;
            var entries = default(SmallList<KeyValuePair<string, LeadValue>>);
            if (!Open((byte)'{', (byte)'}', out var more))
            {
                return false;
            }

            while (more)
            {
                if (entries.Count == 16 || !Key(out var raw))
                {
                    return false;
                }

                var name = Text(raw, cache: true);
                if (!Value(out var value))
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
                if (!Next((byte)'}', out more))
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
                    if (!String(out var raw))
                    {
                        return false;
                    }

                    value = LeadValue.FromString(Text(raw, cache: true));
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
            var builder = default(SmallList<LeadEvent>);
            if (!Open((byte)'[', (byte)']', out var more))
            {
                return false;
            }

            while (more)
            {
                if (!Members("type"u8, "at"u8, default, out var type, out var at, out _)
                    || type is not { } t || !InstantAt(at, out var when) || !Next((byte)']', out more))
                {
                    return false;
                }

                builder.Add(new LeadEvent(Text(_s[t], cache: true), when));
            }

            events = builder.ToImmutable();
            return true;
        }

        private bool Touches(out ImmutableArray<LeadTouch> touches)
        {
            touches = [];
            var builder = default(SmallList<LeadTouch>);
            if (!Open((byte)'[', (byte)']', out var more))
            {
                return false;
            }

            while (more)
            {
                if (!Members("channel"u8, "at"u8, "outcome"u8, out var channel, out var at, out var outcome)
                    || channel is not { } c || !InstantAt(at, out var when) || !Next((byte)']', out more))
                {
                    return false;
                }

                builder.Add(new LeadTouch(Text(_s[c], cache: true), when, outcome is { } o ? Text(_s[o], cache: true) : null));
            }

            touches = builder.ToImmutable();
            return true;
        }

        private bool Paused(out PauseSchedule? paused)
        {
            paused = null;
            var intervals = default(SmallList<Interval>);
            if (!Open((byte)'[', (byte)']', out var more))
            {
                return false;
            }

            while (more)
            {
                if (!Members("from"u8, "to"u8, default, out var from, out var to, out _)
                    || !InstantAt(from, out var start) || !InstantAt(to, out var end) || end < start || !Next((byte)']', out more))
                {
                    return false;
                }

                intervals.Add(new Interval(start, end));
            }

            paused = PauseSchedule.CreateFrom(intervals.ToImmutable());
            return true;
        }

        /// <summary>A disposition; its outcome as the full pass reads it, here only when written in lower case.</summary>
        private bool Disposition(out LeadDisposition? disposition)
        {
            disposition = null;
            if (!Members("outcome"u8, "at"u8, default, out var given, out var at, out _) || given is not { } o || !InstantAt(at, out var when))
            {
                return false;
            }

            var text = _s[o];
            DispositionOutcome? outcome = text.SequenceEqual("convert"u8) ? DispositionOutcome.Convert
                : text.SequenceEqual("defer"u8) ? DispositionOutcome.Defer
                : text.SequenceEqual("recycle"u8) ? DispositionOutcome.Recycle
                : null;
            disposition = outcome is { } known ? new LeadDisposition(known, when) : null;
            return disposition is not null;
        }

        private bool Assigned(out LeadAssignment? assigned)
        {
            assigned = null;
            if (!Members("tier"u8, "team"u8, default, out var tier, out var team, out _))
            {
                return false;
            }

            assigned = tier is null && team is null ? null
                : new LeadAssignment(tier is { } r ? Text(_s[r], cache: true) : null, team is { } m ? Text(_s[m], cache: true) : null);
            return true;
        }

        /// <summary>
        /// Reads a flat object whose members are among two or three names, each given at most once, each a string or
        /// null (null is the same as absent): where each member's text is in the line, or null when it is absent.
        /// </summary>
        private bool Members(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, out Range? one, out Range? two, out Range? three)
        {
            one = two = three = null;
            var seen = 0;
            if (!Open((byte)'{', (byte)'}', out var more))
            {
                return false;
            }

            while (more)
            {
                if (!Key(out var key))
                {
                    return false;
                }

                var which = key.SequenceEqual(first) ? 1 : key.SequenceEqual(second) ? 2 : !third.IsEmpty && key.SequenceEqual(third) ? 4 : 0;
                if (which == 0 || (seen & which) != 0)
                {
                    return false;
                }

                seen |= which;
                Range? value = null;
                if (!Literal("null"u8))
                {
                    if (!String(out var raw))
                    {
                        return false;
                    }

                    value = (_p - 1 - raw.Length)..(_p - 1);
                }

                _ = which switch
                {
                    1 => one = value,
                    2 => two = value,
                    _ => three = value,
                };
                if (!Next((byte)'}', out more))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A member's canonical instant; false when it is absent or not canonical.</summary>
        private readonly bool InstantAt(Range? text, out Instant instant)
        {
            instant = default;
            return text is { } range && InstantText.TryParseCanonicalUtc(_s[range], out instant);
        }

        /// <summary>Reads the opening byte of a list or an object; <paramref name="more"/> is false when it is empty (its closing byte read too).</summary>
        private bool Open(byte open, byte close, out bool more)
        {
            more = false;
            if (!Byte(open))
            {
                return false;
            }

            more = !Byte(close);
            return true;
        }

        /// <summary>Reads what follows an item or a member: a comma (more to come) or the closing byte; anything else is not compact.</summary>
        private bool Next(byte close, out bool more)
        {
            more = Byte((byte)',');
            return more || Byte(close);
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
        private readonly string Text(ReadOnlySpan<byte> raw, bool cache) =>
            cache && raw.Length <= MaxCachedLength ? _strings.Get(raw) : Encoding.UTF8.GetString(raw);

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
