using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace SlaEngine.Conditions;

/// <summary>
/// An immutable attribute value of a lead snapshot: null, a boolean, a number, a string or a list of values.
/// </summary>
/// <remarks>
/// The default value is <see cref="Null"/>. Equality is structural; strings compare ordinally and case-sensitively
/// here (the condition language applies its own case-insensitive rules). This type is thread-safe.
/// </remarks>
public readonly struct LeadValue : IEquatable<LeadValue>
{
    private readonly object? _reference;
    private readonly double _number;

    private LeadValue(LeadValueKind kind, object? reference, double number)
    {
        Kind = kind;
        _reference = reference;
        _number = number;
    }

    /// <summary>Gets the null value.</summary>
    public static LeadValue Null => default;

    /// <summary>Gets the kind of this value.</summary>
    public LeadValueKind Kind { get; }

    /// <summary>Gets a value indicating whether this value is <see cref="Null"/>.</summary>
    public bool IsNull => Kind == LeadValueKind.Null;

    /// <summary>Gets the boolean held by this value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a boolean.</exception>
    public bool AsBoolean => Kind == LeadValueKind.Boolean ? _number != 0 : throw WrongKind(LeadValueKind.Boolean);

    /// <summary>Gets the number held by this value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public double AsNumber => Kind == LeadValueKind.Number ? _number : throw WrongKind(LeadValueKind.Number);

    /// <summary>Gets the string held by this value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    public string AsString => Kind == LeadValueKind.String ? (string)_reference! : throw WrongKind(LeadValueKind.String);

    /// <summary>Gets the list held by this value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a list.</exception>
    public ImmutableArray<LeadValue> AsList => Kind == LeadValueKind.List ? (ImmutableArray<LeadValue>)_reference! : throw WrongKind(LeadValueKind.List);

    /// <summary>Creates a boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static LeadValue FromBoolean(bool value) => new(LeadValueKind.Boolean, null, value ? 1 : 0);

    /// <summary>Creates a number value.</summary>
    /// <param name="value">The number; must be finite.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static LeadValue FromNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A lead number must be finite.");
        }

        return new(LeadValueKind.Number, null, value);
    }

    /// <summary>Creates a string value.</summary>
    /// <param name="value">The string; <see langword="null"/> gives <see cref="Null"/>.</param>
    /// <returns>The value.</returns>
    public static LeadValue FromString(string? value) => value is null ? default : new(LeadValueKind.String, value, 0);

    /// <summary>Creates a list value.</summary>
    /// <param name="values">The items.</param>
    /// <returns>The value.</returns>
    public static LeadValue FromList(ImmutableArray<LeadValue> values) => new(LeadValueKind.List, values.IsDefault ? ImmutableArray<LeadValue>.Empty : values, 0);

    /// <summary>Converts a boolean.</summary>
    /// <param name="value">The boolean.</param>
    public static implicit operator LeadValue(bool value) => FromBoolean(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator LeadValue(double value) => FromNumber(value);

    /// <summary>Converts a string (null gives <see cref="Null"/>).</summary>
    /// <param name="value">The string.</param>
    public static implicit operator LeadValue(string? value) => FromString(value);

    /// <summary>Compares two values for structural equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(LeadValue left, LeadValue right) => left.Equals(right);

    /// <summary>Compares two values for structural inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LeadValue left, LeadValue right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(LeadValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            LeadValueKind.Null => true,
            LeadValueKind.Boolean or LeadValueKind.Number => _number.Equals(other._number),
            LeadValueKind.String => string.Equals(AsString, other.AsString, StringComparison.Ordinal),
            _ => AsList.AsSpan().SequenceEqual(other.AsList.AsSpan()),
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LeadValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        LeadValueKind.Null => 0,
        LeadValueKind.Boolean or LeadValueKind.Number => HashCode.Combine(Kind, _number),
        LeadValueKind.String => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(AsString)),
        _ => HashCode.Combine(Kind, AsList.Length),
    };

    /// <summary>Formats the value the way the condition language writes literals (invariant culture).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        LeadValueKind.Null => "null",
        LeadValueKind.Boolean => AsBoolean ? "true" : "false",
        LeadValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        LeadValueKind.String => "\"" + AsString.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        _ => "[" + string.Join(", ", AsList.Select(v => v.ToString())) + "]",
    };

    private InvalidOperationException WrongKind(LeadValueKind wanted) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The value is {Kind}, not {wanted}."));

    /// <summary>Writes the value as JSON: null, a boolean, a number, a string or an array of values.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case LeadValueKind.Null:
                writer.WriteNullValue();
                break;
            case LeadValueKind.Boolean:
                writer.WriteBooleanValue(AsBoolean);
                break;
            case LeadValueKind.Number:
                writer.WriteNumberValue(AsNumber);
                break;
            case LeadValueKind.String:
                writer.WriteStringValue(AsString);
                break;
            default:
                writer.WriteStartArray();
                foreach (var item in AsList)
                {
                    item.WriteTo(writer);
                }

                writer.WriteEndArray();
                break;
        }
    }
}
