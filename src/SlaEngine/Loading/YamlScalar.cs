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

    /// <summary>Gets the text of the scalar.</summary>
    public string Value { get; }

    /// <summary>Gets how the scalar was written.</summary>
    public YamlScalarStyle Style { get; }

    /// <summary>Gets a value indicating whether the scalar was written without quotes.</summary>
    public bool IsPlain => Style == YamlScalarStyle.Plain;

    /// <summary>Gets a value indicating whether the scalar is a YAML null (empty, <c>~</c> or <c>null</c>, unquoted).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

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
