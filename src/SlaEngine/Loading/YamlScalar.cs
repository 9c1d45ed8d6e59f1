using System.Globalization;
using System.Text.RegularExpressions;

namespace SlaEngine.Loading;

/// <summary>How a scalar was written in the YAML text.</summary>
internal enum YamlScalarStyle
{
    /// <summary>Plain (unquoted).</summary>
    Plain,

    /// <summary>Single-quoted.</summary>
    SingleQuoted,

    /// <summary>Double-quoted.</summary>
    DoubleQuoted,

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar.</summary>
    Block,
}

/// <summary>A scalar node: its text exactly as YAML resolved it (escapes processed), never converted by tag.</summary>
internal sealed partial class YamlScalar : YamlNode
{
    public YamlScalar(string value, YamlScalarStyle style, int line, int column)
        : base(line, column)
    {
        Value = value;
        Style = style;
    }

    /// <summary>Initializes a new instance of the <see cref="YamlScalar"/> class that knows where its text is in the source.</summary>
    /// <param name="value">The value.</param>
    /// <param name="style">The style.</param>
    /// <param name="line">The 1-based line of the scalar's first character (a quote or block indicator included).</param>
    /// <param name="column">The 1-based column of that character.</param>
    /// <param name="source">The whole YAML text.</param>
    /// <param name="start">The index of the scalar's first character in <paramref name="source"/>.</param>
    /// <param name="end">The index just past its last character.</param>
    public YamlScalar(string value, YamlScalarStyle style, int line, int column, string source, int start, int end)
        : this(value, style, line, column)
    {
        _source = source;
        _start = Math.Clamp(start, 0, source.Length);
        _end = Math.Clamp(end, _start, source.Length);
    }

    private readonly string? _source;
    private readonly int _start;
    private readonly int _end;

    /// <summary>Gets the text of the scalar.</summary>
    public string Value { get; }

    /// <summary>Gets how the scalar was written.</summary>
    public YamlScalarStyle Style { get; }

    /// <summary>Gets a value indicating whether the scalar was written without quotes.</summary>
    public bool IsPlain => Style == YamlScalarStyle.Plain;

    /// <summary>Gets a value indicating whether the scalar is a YAML null (empty, <c>~</c> or <c>null</c>, unquoted).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// Maps an offset in <see cref="Value"/> to its line and column in the source. Quotes, escapes (<c>''</c>,
    /// <c>\"</c>, <c>\u00e9</c>), block indicators, indentation and folded line breaks make the value differ from the
    /// source text, so each character of the value is matched to the next equal character of the scalar's source; a
    /// character that has no equal (an escape's result) keeps the position reached. The answer always lies inside the
    /// scalar's source text. Without a source, the value is taken as written on one line after the opening quote.
    /// </summary>
    /// <param name="offset">The offset in <see cref="Value"/> (its length for the position just past the end).</param>
    /// <returns>The 1-based line and column.</returns>
    public (int Line, int Column) PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, Value.Length);
        if (_source is null)
        {
            return (Line, TextColumn + offset);
        }

        var line = Line;
        var column = Column;
        var p = _start;

        // The value starts after the opening quote, or on the line after a block scalar's indicators (`|-`, `>2`).
        var contentStart = Style switch
        {
            YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted => Math.Min(_start + 1, _end),
            YamlScalarStyle.Block => LineAfter(_start),
            _ => _start,
        };
        Advance(ref line, ref column, p, contentStart);
        p = contentStart;
        for (var k = 0; k <= offset && k < Value.Length; k++)
        {
            var q = _source.IndexOf(Value[k], p, _end - p);
            if (q < 0)
            {
                continue;
            }

            Advance(ref line, ref column, p, q);
            p = q;
            if (k == offset)
            {
                return (line, column);
            }

            Advance(ref line, ref column, p, p + 1);
            p++;
        }

        return (line, column);
    }

    /// <summary>The index just past the first line break at or after <paramref name="from"/> (the scalar's end when none).</summary>
    private int LineAfter(int from)
    {
        var i = _source!.IndexOfAny(['\r', '\n', '\u0085', '\u2028', '\u2029'], from, _end - from);
        if (i < 0)
        {
            return _end;
        }

        return _source[i] == '\r' && i + 1 < _end && _source[i + 1] == '\n' ? i + 2 : i + 1;
    }

    /// <summary>Moves a line and column over <c>_source[from..to)</c>, counting YAML line breaks (CR LF, CR, LF, NEL, LS, PS).</summary>
    private void Advance(ref int line, ref int column, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = _source![i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                if (c == '\r' && i + 1 < _source.Length && _source[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
    }

    /// <summary>
    /// Gets the column of the first character of the scalar's text: one past the opening quote for quoted scalars.
    /// </summary>
    public int TextColumn => Style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted ? Column + 1 : Column;

    /// <inheritdoc/>
    public override string KindName => IsNull ? "null" : "a value";

    /// <summary>Reads the scalar as a YAML 1.2 core boolean (plain only).</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>Whether the scalar is a boolean.</returns>
    public bool TryGetBoolean(out bool value)
    {
        value = false;
        if (!IsPlain)
        {
            return false;
        }

        switch (Value)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads the scalar as a decimal integer (plain only).</summary>
    /// <param name="value">The integer.</param>
    /// <returns>Whether the scalar is an integer in range.</returns>
    public bool TryGetInt32(out int value)
    {
        value = 0;
        return IsPlain
            && IntegerPattern().IsMatch(Value)
            && int.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads the scalar as a finite decimal number (plain only, invariant culture).</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the scalar is a finite number.</returns>
    public bool TryGetDouble(out double value)
    {
        value = 0;
        return IsPlain
            && NumberPattern().IsMatch(Value)
            && double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
