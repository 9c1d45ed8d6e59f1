using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>
/// The evaluation line written by hand into a per-thread buffer and handed to the writer as one raw value: the same
/// bytes <see cref="EvaluationJson"/> writes member by member through <see cref="Utf8JsonWriter"/>, without the
/// writer's per-member UTF-16 transcoding, escaping checks and state tracking. Taken only when the result is sure to be
/// identical: a compact writer with SlaEngine's encoder, no trace, every text printable ASCII that the encoder leaves as
/// it is, every instant whole-second UTC in years 1–9999, the score a whole number of hundredths. Anything else returns
/// false and the caller writes member by member.
/// </summary>
internal static class EvaluationJsonLine
{
    /// <summary>The most depth the line adds to the writer's: the line, its escalations, an escalation, its <c>notify</c> list.</summary>
    private const int Depth = 4;

    /// <summary>The printable ASCII characters the writer's encoder writes as they are (no escape).</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(PlainCharacters());

    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary>Writes <paramref name="evaluation"/> (without its trace) as one raw JSON value, or returns false when the fast form might differ.</summary>
    internal static bool TryWrite(Utf8JsonWriter writer, LeadEvaluation evaluation)
    {
        var options = writer.Options;
        var maxDepth = options.MaxDepth == 0 ? 1000 : options.MaxDepth;
        if (options.Indented || !ReferenceEquals(options.Encoder, EvaluationJson.WriterOptions.Encoder) || writer.CurrentDepth + Depth > maxDepth)
        {
            return false;
        }

        var buffer = t_buffer ??= new byte[2048];
        while (true)
        {
            var line = new Line(buffer);
            if (line.Evaluation(evaluation))
            {
                writer.WriteRawValue(buffer.AsSpan(0, line.Length), skipInputValidation: true);
                return true;
            }

            if (!line.Overflowed)
            {
                return false;
            }

            buffer = t_buffer = new byte[buffer.Length * 2];
        }
    }

    private static char[] PlainCharacters()
    {
        var plain = new List<char>();
        Span<byte> one = stackalloc byte[1];
        for (var c = 0x20; c < 0x7F; c++)
        {
            one[0] = (byte)c;
            if (c != '"' && c != '\\' && JavaScriptEncoder.UnsafeRelaxedJsonEscaping.FindFirstCharacterToEncodeUtf8(one) < 0)
            {
                plain.Add((char)c);
            }
        }

        return [.. plain];
    }

    /// <summary>The line being written: appends fail (and set <see cref="Overflowed"/>) once the buffer is full.</summary>
    private ref struct Line(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Length { get; private set; }

        public bool Overflowed { get; private set; }

        public bool Evaluation(LeadEvaluation e)
        {
            if (!(Raw("{\"id\":"u8) && Text(e.Id)
                && Raw(",\"policy\":"u8) && Text(e.PolicyId)
                && Raw(",\"version\":"u8) && Integer(e.PolicyVersion)
                && Raw(",\"status\":\""u8) && Raw(EvaluationJson.StatusJson(e.Status).EncodedUtf8Bytes) && Raw("\",\"reason\":"u8) && Text(e.Reason)
                && Raw(",\"score\":"u8) && Score(e.Score)
                && Raw(",\"tier\":"u8) && Text(e.Tier)
                && Raw(",\"band\":"u8) && Text(e.Band)
                && Raw(",\"team\":"u8) && Text(e.Team)
                && Raw(",\"calendar\":"u8) && Text(e.Calendar)
                && Raw(",\"sla_start\":"u8) && Instant(e.SlaStart)
                && Raw(",\"milestones\":["u8)))
            {
                return false;
            }

            var first = true;
            foreach (var m in e.Milestones)
            {
                if (!(Raw(first ? "{\"name\":"u8 : ",{\"name\":"u8) && Text(m.Name)
                    && Raw(",\"due\":"u8) && Instant(m.Due)
                    && Raw(",\"status\":\""u8) && Raw(EvaluationJson.StatusJson(m.Status).EncodedUtf8Bytes)
                    && Raw("\",\"met_at\":"u8) && Instant(m.MetAt)
                    && Raw(",\"late_by_seconds\":"u8) && Integer((long)Math.Floor(m.LateBy.TotalSeconds)) && Raw("}"u8)))
                {
                    return false;
                }

                first = false;
            }

            if (!Raw("],\"next_touch\":"u8))
            {
                return false;
            }

            if (e.NextTouch is { } next)
            {
                if (!(Raw("{\"milestone\":"u8) && Text(next.Milestone)
                    && Raw(",\"channel\":"u8) && Text(next.Channel)
                    && Raw(",\"due\":"u8) && Instant(next.Due) && Raw("}"u8)))
                {
                    return false;
                }
            }
            else if (!Raw("null"u8))
            {
                return false;
            }

            if (!Raw(",\"escalations\":["u8))
            {
                return false;
            }

            first = true;
            foreach (var x in e.Escalations)
            {
                if (!(Raw(first ? "{\"after\":"u8 : ",{\"after\":"u8) && Text(x.After)
                    && Raw(",\"at\":"u8) && Instant(x.At) && Raw(",\"notify\":["u8)))
                {
                    return false;
                }

                var firstNotify = true;
                foreach (var n in x.Notify)
                {
                    if (!((firstNotify || Raw(","u8)) && Text(n)))
                    {
                        return false;
                    }

                    firstNotify = false;
                }

                if (!Raw(x.Fired ? "],\"fired\":true}"u8 : "],\"fired\":false}"u8))
                {
                    return false;
                }

                first = false;
            }

            if (!(Raw("],\"next_change_at\":"u8) && Instant(e.NextChangeAt)))
            {
                return false;
            }

            if (!e.Warnings.IsDefaultOrEmpty)
            {
                if (!Raw(",\"warnings\":["u8))
                {
                    return false;
                }

                first = true;
                foreach (var w in e.Warnings)
                {
                    if (!(Raw(first ? "{\"code\":"u8 : ",{\"code\":"u8) && Text(w.Code)
                        && Raw(",\"message\":"u8) && Text(w.Message)
                        && Raw(",\"path\":"u8) && Text(w.Path) && Raw("}"u8)))
                    {
                        return false;
                    }

                    first = false;
                }

                if (!Raw("]"u8))
                {
                    return false;
                }
            }

            return Raw("}"u8);
        }

        private bool Raw(scoped ReadOnlySpan<byte> bytes)
        {
            if (!bytes.TryCopyTo(_buffer[Length..]))
            {
                Overflowed = true;
                return false;
            }

            Length += bytes.Length;
            return true;
        }

        /// <summary>A string or null; false (not overflowed) for text the writer would escape or that is not ASCII.</summary>
        private bool Text(string? text)
        {
            if (text is null)
            {
                return Raw("null"u8);
            }

            if (text.AsSpan().ContainsAnyExcept(Plain))
            {
                return false;
            }

            if (_buffer.Length - Length < text.Length + 2)
            {
                Overflowed = true;
                return false;
            }

            _buffer[Length++] = (byte)'"';
            System.Text.Ascii.FromUtf16(text, _buffer[Length..], out var written);
            Length += written;
            _buffer[Length++] = (byte)'"';
            return true;
        }

        private bool Integer(long value)
        {
            if (!value.TryFormat(_buffer[Length..], out var written, default, CultureInfo.InvariantCulture))
            {
                Overflowed = true;
                return false;
            }

            Length += written;
            return true;
        }

        private bool Score(double? value)
        {
            if (value is not { } v)
            {
                return Raw("null"u8);
            }

            if (_buffer.Length - Length < 24)
            {
                Overflowed = true;
                return false;
            }

            if (!NumberText.TryFormatHundredths(v, _buffer[Length..], out var written))
            {
                return false;
            }

            Length += written;
            return true;
        }

        private bool Instant(Instant? instant)
        {
            if (instant is not { } value)
            {
                return Raw("null"u8);
            }

            if (_buffer.Length - Length < InstantText.CanonicalLength + 2)
            {
                Overflowed = true;
                return false;
            }

            if (!InstantText.TryFormatCanonicalUtc(value, _buffer.Slice(Length + 1, InstantText.CanonicalLength)))
            {
                return false;
            }

            _buffer[Length] = (byte)'"';
            Length += InstantText.CanonicalLength + 1;
            _buffer[Length++] = (byte)'"';
            return true;
        }
    }
}
