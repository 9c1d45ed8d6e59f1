using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Conditions;
using SlaEngine.Diagnostics;

namespace SlaEngine.Evaluation;

/// <summary>
/// The one lead reader: a single forward pass of <see cref="Utf8JsonReader"/> over a lead's UTF-8 JSON that builds
/// the snapshot or stops at the first problem with a located <see cref="LeadError"/> (code, message, JSON path, byte
/// offset, and the lead's id when it can be found anywhere in the line). Never throws for bad input: invalid UTF-8,
/// lone surrogate escapes, NUL, numbers beyond double range, nesting past 64 levels and over-long input are all
/// errors. Short repeated strings (attribute names, event types, channels) are shared through a per-thread cache.
/// </summary>
internal static partial class LeadJsonReader
{
    /// <summary>The deepest nesting accepted; the lead object itself is level 1.</summary>
    internal const int MaxDepth = 64;

    private const int MaxCachedLength = Utf8StringCache.MaxLength;

    /// <summary>The longest id (in bytes) repeated in the error of a lead that could not be read.</summary>
    private const int MaxReportedIdBytes = 4096;

    [ThreadStatic]
    private static Utf8StringCache? t_strings;

    internal static LeadParseResult Read(ReadOnlySpan<byte> utf8) => Read(utf8, compact: true);

    /// <summary>Reads a lead; <paramref name="compact"/> false skips the fast path for compact lines (tests compare the two).</summary>
    internal static LeadParseResult Read(ReadOnlySpan<byte> utf8, bool compact)
    {
        if (utf8.Length > LeadSnapshot.MaxJsonBytes)
        {
            return LeadParseResult.ForError(new LeadError(
                DiagnosticCodes.LeadValueOutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"the lead is longer than the limit of {LeadSnapshot.MaxJsonBytes} bytes"))
            {
                LeadId = FindId(utf8),
            });
        }

        if (!Utf8.IsValid(utf8))
        {
            var at = FirstInvalidUtf8(utf8);
            return LeadParseResult.ForError(new LeadError(DiagnosticCodes.LeadMalformedJson, string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 at column {at + 1}"))
            {
                ByteOffset = at,
                LeadId = FindId(utf8),
            });
        }

        if (IsBlank(utf8))
        {
            return LeadParseResult.ForError(new LeadError(DiagnosticCodes.LeadMalformedJson, "empty line: expected a lead object") { ByteOffset = 0 });
        }

        if (compact && TryReadCompact(utf8) is { } fast)
        {
            return LeadParseResult.ForValue(fast);
        }

        var parser = new Parser(utf8);
        LeadSnapshot? lead;
        try
        {
            lead = parser.ReadLead();
        }
        catch (JsonException e)
        {
            // Utf8JsonReader has no Try form: a syntax error is reported by this exception, whose position (not its
            // text) locates the problem.
            lead = null;
            parser.SyntaxError(e);
        }

        if (lead is not null)
        {
            return LeadParseResult.ForValue(lead);
        }

        var error = parser.Error!;
        var id = parser.Id ?? FindId(utf8);
        return LeadParseResult.ForError(id is null || error.LeadId is not null ? error : new LeadError(error.Code, error.Message) { Path = error.Path, ByteOffset = error.ByteOffset, LeadId = id });
    }

    /// <summary>Finds the lead's top-level <c>id</c> in a line that could not be read, for the error line; null when there is none to find.</summary>
    internal static string? FindId(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = NameIs(ref reader, "id"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isId)
                {
                    if (reader.ValueSpan.Length > MaxReportedIdBytes)
                    {
                        return null; // too long to repeat in an error line
                    }

                    return reader.TokenType switch
                    {
                        JsonTokenType.String => TryDecode(ref reader, out var text, out _) ? text : null,
                        JsonTokenType.Number => Encoding.ASCII.GetString(reader.ValueSpan),
                        _ => null,
                    };
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // The id comes after the syntax error: there is none to report.
        }

        return null;
    }

    /// <summary>
    /// Whether the current property name is <paramref name="name"/>. An escaped name is decoded first: comparing it with
    /// <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> throws for a lone surrogate escape
    /// (<c>"\ud800"</c>), and such a name is simply no known key.
    /// </summary>
    private static bool NameIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals(name);
        }

        return TryDecode(ref reader, out var text, out _) && Encoding.UTF8.GetByteCount(text) == name.Length && Encoding.UTF8.GetBytes(text).AsSpan().SequenceEqual(name);
    }

    /// <summary>
    /// Decodes the current string token to text, refusing what is not text: invalid UTF-8 and lone UTF-16 surrogate
    /// escapes (<c>\ud800</c> without its pair). <paramref name="bad"/> is the offset of the problem in the token's value.
    /// </summary>
    private static bool TryDecode(ref Utf8JsonReader reader, out string text, out int bad)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped)
        {
            bad = Utf8.IsValid(raw) ? -1 : FirstInvalidUtf8(raw);
            text = bad < 0 ? Encoding.UTF8.GetString(raw) : string.Empty;
            return bad < 0;
        }

        return TryUnescape(raw, out text, out bad);
    }

    private static bool TryUnescape(ReadOnlySpan<byte> raw, out string text, out int bad)
    {
        text = string.Empty;
        char[]? rented = null;
        var chars = raw.Length <= 256 ? stackalloc char[raw.Length] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var n = 0;
            var i = 0;
            while (i < raw.Length)
            {
                var run = raw[i..].IndexOf((byte)'\\');
                if (run != 0)
                {
                    var plain = run < 0 ? raw[i..] : raw.Slice(i, run);
                    if (!Utf8.IsValid(plain))
                    {
                        bad = i + FirstInvalidUtf8(plain);
                        return false;
                    }

                    n += Encoding.UTF8.GetChars(plain, chars[n..]);
                    i += plain.Length;
                    continue;
                }

                // The reader has checked the escape syntax: \" \\ \/ \b \f \n \r \t or \uXXXX.
                var escape = raw[i + 1];
                if (escape != (byte)'u')
                {
                    chars[n++] = escape switch
                    {
                        (byte)'b' => '\b',
                        (byte)'f' => '\f',
                        (byte)'n' => '\n',
                        (byte)'r' => '\r',
                        (byte)'t' => '\t',
                        _ => (char)escape,
                    };
                    i += 2;
                    continue;
                }

                var unit = Hex(raw.Slice(i + 2, 4));
                if (char.IsHighSurrogate(unit)
                    && i + 12 <= raw.Length && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u'
                    && char.IsLowSurrogate(Hex(raw.Slice(i + 8, 4))))
                {
                    chars[n++] = unit;
                    chars[n++] = Hex(raw.Slice(i + 8, 4));
                    i += 12;
                    continue;
                }

                if (char.IsSurrogate(unit))
                {
                    bad = i;
                    return false;
                }

                chars[n++] = unit;
                i += 6;
            }

            text = new string(chars[..n]);
            bad = -1;
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static char Hex(ReadOnlySpan<byte> four) =>
        (char)int.Parse(Encoding.ASCII.GetString(four), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done)
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

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    /// <summary>A value as quoted in a message: at most 64 characters, control characters (NUL…) written as <c>\uXXXX</c>.</summary>
    private static string Shorten(string text)
    {
        var cut = text.Length <= 64 ? text : text[..64] + "…";
        if (!cut.Any(char.IsControl))
        {
            return cut;
        }

        var escaped = new StringBuilder(cut.Length + 16);
        foreach (var c in cut)
        {
            escaped.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString());
        }

        return escaped.ToString();
    }

    /// <summary>A field's path for messages (<c>touches[2].at</c>), turned into text only when an error needs it.</summary>
    private readonly record struct FieldPath(string Head, int Index = -1, string? Name = null)
    {
        public static implicit operator FieldPath(string path) => new(path);

        public FieldPath Dot(string name) => Name is null ? this with { Name = name } : new FieldPath(ToString(), -1, name);

        public FieldPath At(int index) => new(ToString(), index);

        public override string ToString() =>
            Head + (Index >= 0 ? "[" + Index.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty) + (Name is null ? string.Empty : "." + Name);
    }

    /// <summary>The reading state of one lead: the JSON reader, the id once read, and the first error.</summary>
    private ref struct Parser
    {
        private readonly ReadOnlySpan<byte> _input;
        private Utf8JsonReader _reader;
        private (string? Code, string? Message, string? Location, long Offset)? _errorLine;
        private readonly Utf8StringCache _strings;

        public Parser(ReadOnlySpan<byte> input)
        {
            _strings = t_strings ??= new Utf8StringCache();
            _input = input;
            _reader = new Utf8JsonReader(input, new JsonReaderOptions { MaxDepth = MaxDepth });
        }

        public LeadError? Error { get; private set; }

        public string? Id { get; private set; }

        public void SyntaxError(JsonException e)
        {
            var offset = Offset(e);
            string message;
            if (offset >= _input.Length || _reader.BytesConsumed >= _input.Length
                || (_input[(int)offset] is (byte)',' or (byte)':' && IsBlank(_input[((int)offset + 1)..])))
            {
                offset = _input.Length;
                message = string.Create(CultureInfo.InvariantCulture, $"not valid JSON at column {Math.Min(offset, _input.Length) + 1}: the text ends before the lead object is complete");
            }
            else if (_input[(int)offset] is (byte)'[' or (byte)'{' && _reader.CurrentDepth >= MaxDepth - 1)
            {
                message = string.Create(CultureInfo.InvariantCulture, $"not valid JSON at column {offset + 1}: nested deeper than {MaxDepth} levels");
            }
            else
            {
                var c = (char)_input[(int)offset];
                var what = c is >= ' ' and < (char)127 ? "`" + c + "`" : string.Create(CultureInfo.InvariantCulture, $"byte 0x{(int)c:X2}");
                message = string.Create(CultureInfo.InvariantCulture, $"not valid JSON at column {offset + 1}: unexpected {what}");
            }

            Error = new LeadError(DiagnosticCodes.LeadMalformedJson, message) { ByteOffset = Math.Min(offset, _input.Length) };
        }

        public LeadSnapshot? ReadLead()
        {
            if (!_reader.Read())
            {
                return Fail(DiagnosticCodes.LeadMalformedJson, "empty line: expected a lead object", null, 0);
            }

            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(DiagnosticCodes.LeadWrongType, "a lead must be a JSON object, not " + Kind(_reader.TokenType), null, _reader.TokenStartIndex);
            }

            var lead = default(LeadParts);
            var seen = 0;
            while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = RootField();
                var nameAt = _reader.TokenStartIndex;
                if (field >= 0)
                {
                    if ((seen & (1 << field)) != 0)
                    {
                        return Fail(DiagnosticCodes.LeadDuplicateKey, $"'{RootNames[field]}' is given twice", RootNames[field], nameAt);
                    }

                    seen |= 1 << field;
                }

                _reader.Read();
                if (_reader.TokenType == JsonTokenType.Null && field > 0)
                {
                    continue; // null is the same as absent
                }

                var ok = field switch
                {
                    0 => ReadId(),
                    1 => ReadInstant("mql_at", out lead.MqlAt),
                    2 => ReadAttributes(out lead.Attributes),
                    3 => ReadEvents(out lead.Events),
                    4 => ReadTouches(out lead.Touches),
                    5 => ReadPaused(out lead.Paused),
                    6 => ReadDisposition(out lead.Disposition),
                    7 => ReadAssigned(out lead.Assigned),
                    8 => ReadErrorLine(nameAt),
                    _ => Skip(),
                };
                if (!ok)
                {
                    return null;
                }
            }

            // A second value after the lead object makes Read throw (a syntax error); whitespace ends the input.
            _reader.Read();
            if (_errorLine is { } errorLine)
            {
                // An error line written for a lead that could not be read stays that lead's error (not an empty lead).
                var message = errorLine.Code is not null && errorLine.Message is not null
                    ? $"the line is the error line of a lead, not a lead: {errorLine.Code}: {errorLine.Message}"
                    : "the line is an error line ({\"id\":…,\"error\":…}), not a lead";
                Error ??= new LeadError(DiagnosticCodes.LeadErrorLine, message) { Path = "error", ByteOffset = errorLine.Offset, LeadId = Id, Location = errorLine.Location };
                return null;
            }

            if (Id is null)
            {
                return Fail(DiagnosticCodes.LeadMissingField, "'id' is required and must be a string", "id", 0);
            }

            return lead.Build(Id);
        }

        private static readonly string[] RootNames = ["id", "mql_at", "attributes", "events", "touches", "paused", "disposition", "assigned", "error"];

        /// <summary>
        /// Reads the <c>error</c> object of an error line: its code and message, and where the lead came from
        /// (<c>location</c>, or <c>file</c>, <c>line</c> and <c>column</c> as the import writes them) when given.
        /// </summary>
        private bool ReadErrorLine(long offset)
        {
            string? code = null, message = null, location = null, file = null;
            long? line = null, column = null;
            if (_reader.TokenType == JsonTokenType.StartObject)
            {
                while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
                {
                    var which = NameIs(ref _reader, "code"u8) ? 1
                        : NameIs(ref _reader, "message"u8) ? 2
                        : NameIs(ref _reader, "location"u8) ? 3
                        : NameIs(ref _reader, "file"u8) ? 4
                        : NameIs(ref _reader, "line"u8) ? 5
                        : NameIs(ref _reader, "column"u8) ? 6 : 0;
                    _reader.Read();
                    if (which is 5 or 6 && _reader.TokenType == JsonTokenType.Number && _reader.TryGetInt64(out var number))
                    {
                        _ = which == 5 ? line = number : column = number;
                        continue;
                    }

                    if (which is 0 or 5 or 6 || _reader.TokenType != JsonTokenType.String)
                    {
                        _reader.Skip();
                        continue;
                    }

                    if (!TryText("error", out var text, cache: false))
                    {
                        return false;
                    }

                    _ = which switch
                    {
                        1 => code = text,
                        2 => message = text,
                        3 => location = text,
                        _ => file = text,
                    };
                }
            }
            else
            {
                _reader.Skip();
            }

            location ??= file is null ? null
                : line is null ? file
                : column is null ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}")
                : string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}");
            _errorLine = (code, message, location, offset);
            return true;
        }

        private int RootField()
        {
            ref var r = ref _reader;
            return NameIs(ref r, "id"u8) ? 0
                : NameIs(ref r, "mql_at"u8) ? 1
                : NameIs(ref r, "attributes"u8) ? 2
                : NameIs(ref r, "events"u8) ? 3
                : NameIs(ref r, "touches"u8) ? 4
                : NameIs(ref r, "paused"u8) ? 5
                : NameIs(ref r, "disposition"u8) ? 6
                : NameIs(ref r, "assigned"u8) ? 7
                : NameIs(ref r, "error"u8) ? 8
                : -1;
        }

        private bool Skip()
        {
            _reader.Skip();
            return true;
        }

        private bool ReadId()
        {
            switch (_reader.TokenType)
            {
                case JsonTokenType.String:
                    if (!TryText("id", out var id, cache: false))
                    {
                        return false;
                    }

                    Id = id;
                    return true;
                case JsonTokenType.Number:
                    Id = Encoding.ASCII.GetString(_reader.ValueSpan);
                    return true;
                case JsonTokenType.Null:
                    Fail(DiagnosticCodes.LeadMissingField, "'id' is required and must be a string", "id", _reader.TokenStartIndex);
                    return false;
                default:
                    WrongType("id", "a string");
                    return false;
            }
        }

        private bool ReadAttributes(out KeyValuePair<string, LeadValue>[]? attributes)
        {
            attributes = null;
            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                return WrongType("attributes", "an object");
            }

            // Collected inline and sorted by name once: the snapshot keeps this one array (no dictionary per lead).
            var entries = default(SmallList<KeyValuePair<string, LeadValue>>);
            HashSet<string>? names = null;
            while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
            {
                var nameAt = _reader.TokenStartIndex;
                if (!TryText("attributes", out var name, cache: true))
                {
                    return false;
                }

                if (IsDuplicate(ref entries, ref names, name))
                {
                    Fail(DiagnosticCodes.LeadDuplicateKey, $"'attributes.{Shorten(name)}' is given twice", "attributes." + name, nameAt);
                    return false;
                }

                _reader.Read();
                if (!TryValue(new FieldPath("attributes", -1, name), out var value))
                {
                    return false;
                }

                entries.Add(new KeyValuePair<string, LeadValue>(name, value));
            }

            attributes = entries.ToArray();
            LeadSnapshot.SortEntries(attributes);
            return true;
        }

        /// <summary>Whether an attribute name was read already: a scan while there are few, a set once there are many.</summary>
        private static bool IsDuplicate(ref SmallList<KeyValuePair<string, LeadValue>> entries, ref HashSet<string>? names, string name)
        {
            if (names is null && entries.Count < 16)
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    if (string.Equals(entries[i].Key, name, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (names is null)
            {
                names = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < entries.Count; i++)
                {
                    names.Add(entries[i].Key);
                }
            }

            return !names.Add(name);
        }

        private bool TryValue(FieldPath path, out LeadValue value)
        {
            value = default;
            switch (_reader.TokenType)
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
                    if (!TryText(path, out var text, cache: true))
                    {
                        return false;
                    }

                    value = LeadValue.FromString(text);
                    return true;
                case JsonTokenType.Number:
                    if (!_reader.TryGetDouble(out var number) || !double.IsFinite(number))
                    {
                        Fail(DiagnosticCodes.LeadValueOutOfRange, $"'{path}' is not a finite number", path.ToString(), _reader.TokenStartIndex);
                        return false;
                    }

                    value = LeadValue.FromNumber(number);
                    return true;
                case JsonTokenType.StartArray:
                    var items = default(SmallList<LeadValue>);
                    var index = 0;
                    while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (!TryValue(path.At(index++), out var item))
                        {
                            return false;
                        }

                        items.Add(item);
                    }

                    value = LeadValue.FromList(items.ToImmutable());
                    return true;
                default:
                    return WrongType(path, "null, a boolean, a number, a string or a list");
            }
        }

        private bool ReadEvents(out ImmutableArray<LeadEvent> events)
        {
            events = [];
            if (_reader.TokenType != JsonTokenType.StartArray)
            {
                return WrongType("events", "an array");
            }

            var builder = default(SmallList<LeadEvent>);
            var index = 0;
            while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
            {
                var path = new FieldPath("events", index++);
                if (!StartItem(path, out var start))
                {
                    return false;
                }

                string? type = null;
                Instant? at = null;
                var seen = 0;
                while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
                {
                    var which = NameIs(ref _reader, "type"u8) ? 1 : NameIs(ref _reader, "at"u8) ? 2 : 0;
                    if (!Member(path, which, ref seen, which == 1 ? "type" : "at"))
                    {
                        return false;
                    }

                    if (which == 1 && _reader.TokenType != JsonTokenType.Null && !ReadString(path.Dot("type"), out type))
                    {
                        return false;
                    }

                    if (which == 2 && _reader.TokenType != JsonTokenType.Null && !ReadInstant(path.Dot("at"), out at))
                    {
                        return false;
                    }
                }

                if (type is null || at is null)
                {
                    return Missing(path, type is null ? "type" : "at", start);
                }

                builder.Add(new LeadEvent(type, at.Value));
            }

            events = builder.ToImmutable();
            return true;
        }

        private bool ReadTouches(out ImmutableArray<LeadTouch> touches)
        {
            touches = [];
            if (_reader.TokenType != JsonTokenType.StartArray)
            {
                return WrongType("touches", "an array");
            }

            var builder = default(SmallList<LeadTouch>);
            var index = 0;
            while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
            {
                var path = new FieldPath("touches", index++);
                if (!StartItem(path, out var start))
                {
                    return false;
                }

                string? channel = null;
                string? outcome = null;
                Instant? at = null;
                var seen = 0;
                while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
                {
                    var which = NameIs(ref _reader, "channel"u8) ? 1 : NameIs(ref _reader, "at"u8) ? 2 : NameIs(ref _reader, "outcome"u8) ? 4 : 0;
                    if (!Member(path, which, ref seen, which switch { 1 => "channel", 2 => "at", _ => "outcome" }))
                    {
                        return false;
                    }

                    if (_reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    var ok = which switch
                    {
                        1 => ReadString(path.Dot("channel"), out channel),
                        2 => ReadInstant(path.Dot("at"), out at),
                        4 => ReadString(path.Dot("outcome"), out outcome),
                        _ => true,
                    };
                    if (!ok)
                    {
                        return false;
                    }
                }

                if (channel is null || at is null)
                {
                    return Missing(path, channel is null ? "channel" : "at", start);
                }

                builder.Add(new LeadTouch(channel, at.Value, outcome));
            }

            touches = builder.ToImmutable();
            return true;
        }

        private bool ReadPaused(out PauseSchedule? paused)
        {
            paused = null;
            if (_reader.TokenType != JsonTokenType.StartArray)
            {
                return WrongType("paused", "an array");
            }

            var intervals = default(SmallList<Interval>);
            var index = 0;
            while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
            {
                var path = new FieldPath("paused", index++);
                if (!StartItem(path, out var start))
                {
                    return false;
                }

                Instant? from = null;
                Instant? to = null;
                var seen = 0;
                while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
                {
                    var which = NameIs(ref _reader, "from"u8) ? 1 : NameIs(ref _reader, "to"u8) ? 2 : 0;
                    if (!Member(path, which, ref seen, which == 1 ? "from" : "to"))
                    {
                        return false;
                    }

                    if (which != 0 && _reader.TokenType != JsonTokenType.Null && !(which == 1 ? ReadInstant(path.Dot("from"), out from) : ReadInstant(path.Dot("to"), out to)))
                    {
                        return false;
                    }
                }

                if (from is null || to is null)
                {
                    return Missing(path, from is null ? "from" : "to", start);
                }

                if (to < from)
                {
                    Fail(DiagnosticCodes.LeadValueOutOfRange, $"'{path}' ends before it starts", path.ToString(), start);
                    return false;
                }

                intervals.Add(new Interval(from.Value, to.Value));
            }

            paused = PauseSchedule.CreateFrom(intervals.ToImmutable());
            return true;
        }

        private bool ReadDisposition(out LeadDisposition? disposition)
        {
            disposition = null;
            FieldPath path = "disposition";
            if (!StartItem(path, out var start))
            {
                return false;
            }

            DispositionOutcome? outcome = null;
            Instant? at = null;
            var seen = 0;
            while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
            {
                var which = NameIs(ref _reader, "outcome"u8) ? 1 : NameIs(ref _reader, "at"u8) ? 2 : 0;
                if (!Member(path, which, ref seen, which == 1 ? "outcome" : "at"))
                {
                    return false;
                }

                if (_reader.TokenType == JsonTokenType.Null || which == 0)
                {
                    continue;
                }

                if (which == 2)
                {
                    if (!ReadInstant("disposition.at", out at))
                    {
                        return false;
                    }

                    continue;
                }

                var valueAt = _reader.TokenStartIndex;
                if (!ReadString("disposition.outcome", out var text))
                {
                    return false;
                }

                outcome = text.ToLowerInvariant() switch
                {
                    "convert" => DispositionOutcome.Convert,
                    "defer" => DispositionOutcome.Defer,
                    "recycle" => DispositionOutcome.Recycle,
                    _ => null,
                };
                if (outcome is null)
                {
                    Fail(DiagnosticCodes.LeadInvalidOutcome, $"'disposition.outcome' is '{Shorten(text)}'; expected convert, defer or recycle", "disposition.outcome", valueAt);
                    return false;
                }
            }

            if (outcome is null || at is null)
            {
                return Missing(path, outcome is null ? "outcome" : "at", start);
            }

            disposition = new LeadDisposition(outcome.Value, at.Value);
            return true;
        }

        private bool ReadAssigned(out LeadAssignment? assigned)
        {
            assigned = null;
            FieldPath path = "assigned";
            if (!StartItem(path, out _))
            {
                return false;
            }

            string? tier = null;
            string? team = null;
            var seen = 0;
            while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
            {
                var which = NameIs(ref _reader, "tier"u8) ? 1 : NameIs(ref _reader, "team"u8) ? 2 : 0;
                if (!Member(path, which, ref seen, which == 1 ? "tier" : "team"))
                {
                    return false;
                }

                if (which == 0 || _reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (!(which == 1 ? ReadString("assigned.tier", out tier) : ReadString("assigned.team", out team)))
                {
                    return false;
                }
            }

            assigned = tier is null && team is null ? null : new LeadAssignment(tier, team);
            return true;
        }

        /// <summary>Checks that the current token starts an object (an item of a list, or the disposition).</summary>
        private bool StartItem(FieldPath path, out long start)
        {
            start = _reader.TokenStartIndex;
            return _reader.TokenType == JsonTokenType.StartObject || WrongType(path, "an object");
        }

        /// <summary>Reads past a member's name to its value: skips unknown members, refuses a known one given twice.</summary>
        private bool Member(FieldPath path, int which, ref int seen, string name)
        {
            var nameAt = _reader.TokenStartIndex;
            _reader.Read();
            if (which == 0)
            {
                _reader.Skip();
                return true;
            }

            if ((seen & which) != 0)
            {
                var where = path.Dot(name);
                Fail(DiagnosticCodes.LeadDuplicateKey, $"'{where}' is given twice", where.ToString(), nameAt);
                return false;
            }

            seen |= which;
            return true;
        }

        private bool Missing(FieldPath path, string name, long objectStart)
        {
            var where = path.Dot(name);
            Fail(DiagnosticCodes.LeadMissingField, $"'{where}' is required", where.ToString(), objectStart);
            return false;
        }

        private bool ReadString(FieldPath path, out string text)
        {
            text = string.Empty;
            if (_reader.TokenType != JsonTokenType.String)
            {
                return WrongType(path, "a string");
            }

            return TryText(path, out text, cache: true);
        }

        private bool ReadInstant(FieldPath path, out Instant? instant)
        {
            instant = null;
            if (_reader.TokenType != JsonTokenType.String)
            {
                return WrongType(path, "an ISO-8601 instant string");
            }

            if (!_reader.ValueIsEscaped && InstantText.TryParseCanonicalUtc(_reader.ValueSpan, out var canonical))
            {
                instant = canonical;
                return true;
            }

            var valueAt = _reader.TokenStartIndex;
            if (!TryText(path, out var text, cache: false))
            {
                return false;
            }

            if (InstantText.TryParse(text, out var parsed))
            {
                instant = parsed;
                return true;
            }

            Fail(DiagnosticCodes.LeadInvalidInstant, $"'{path}' is '{Shorten(text)}'; expected an ISO-8601 instant with Z or an offset, like 2026-11-20T15:30:00Z", path.ToString(), valueAt);
            return false;
        }

        /// <summary>Reads the current string token (a value or a member name) as text; a lone surrogate escape is an error.</summary>
        private bool TryText(FieldPath path, out string text, bool cache)
        {
            if (cache && !_reader.ValueIsEscaped && _reader.ValueSpan.Length <= MaxCachedLength)
            {
                text = _strings.Get(_reader.ValueSpan);
                return true;
            }

            if (TryDecode(ref _reader, out text, out var bad))
            {
                return true;
            }

            Fail(
                DiagnosticCodes.LeadMalformedJson,
                $"'{path}' is not text: it holds a lone UTF-16 surrogate escape (a \\ud800–\\udfff escape without its pair)",
                path.ToString(),
                _reader.TokenStartIndex + 1 + bad);
            return false;
        }

        private bool WrongType(FieldPath path, string expected)
        {
            var where = path.ToString();
            Fail(DiagnosticCodes.LeadWrongType, $"'{where}' must be {expected}, not {Kind(_reader.TokenType)}", where, _reader.TokenStartIndex);
            return false;
        }

        private LeadSnapshot? Fail(string code, string message, string? path, long offset)
        {
            Error ??= new LeadError(code, message) { Path = path, ByteOffset = offset, LeadId = Id };
            return null;
        }

        private readonly long Offset(JsonException e)
        {
            // The exception gives a line and a byte position in that line; turn them into an offset in the input.
            var line = e.LineNumber ?? 0;
            var column = e.BytePositionInLine ?? _reader.BytesConsumed;
            long start = 0;
            for (var i = 0; i < line; i++)
            {
                var next = _input[(int)start..].IndexOf((byte)'\n');
                if (next < 0)
                {
                    break;
                }

                start += next + 1;
            }

            return start + column;
        }
    }
}
