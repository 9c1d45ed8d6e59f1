using System.Collections.Immutable;

namespace SlaEngine.Conditions;

/// <summary>
/// The declared type of one entry of a policy's <c>fields:</c> schema:
/// <c>number</c>, <c>string</c>, <c>bool</c>, <c>instant</c>, <c>list</c> or <c>{ enum: [..] }</c>. Immutable.
/// </summary>
internal sealed class FieldType
{
    /// <summary>Initializes a new instance of the <see cref="FieldType"/> class.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="enumValues">The allowed values of an <see cref="FieldKind.Enum"/> type; ignored for other kinds.</param>
    public FieldType(FieldKind kind, ImmutableArray<string> enumValues = default)
    {
        Kind = kind;
        EnumValues = kind == FieldKind.Enum && !enumValues.IsDefault ? enumValues : ImmutableArray<string>.Empty;
    }

    /// <summary>Gets the <c>number</c> type.</summary>
    public static FieldType Number { get; } = new(FieldKind.Number, ImmutableArray<string>.Empty);

    /// <summary>Gets the <c>string</c> type.</summary>
    public static FieldType String { get; } = new(FieldKind.String, ImmutableArray<string>.Empty);

    /// <summary>Gets the <c>bool</c> type.</summary>
    public static FieldType Boolean { get; } = new(FieldKind.Boolean, ImmutableArray<string>.Empty);

    /// <summary>Gets the <c>instant</c> type.</summary>
    public static FieldType Instant { get; } = new(FieldKind.Instant, ImmutableArray<string>.Empty);

    /// <summary>Gets the <c>list</c> type.</summary>
    public static FieldType List { get; } = new(FieldKind.List, ImmutableArray<string>.Empty);

    /// <summary>Gets the kind of the type.</summary>
    public FieldKind Kind { get; }

    /// <summary>Gets the allowed values of an <see cref="FieldKind.Enum"/> type, as written; empty for other kinds.</summary>
    public ImmutableArray<string> EnumValues { get; }

    /// <summary>Creates an enum type.</summary>
    /// <param name="values">The allowed values, as written in the policy.</param>
    /// <returns>The type.</returns>
    public static FieldType Enum(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FieldType(FieldKind.Enum, values.ToImmutableArray());
    }

    /// <summary>
    /// Maps a scalar type name of the <c>fields:</c> schema (<c>number</c>, <c>string</c>, <c>bool</c>,
    /// <c>instant</c>, <c>list</c>) to its type. Enums are written as a mapping and built with <see cref="Enum"/>.
    /// </summary>
    /// <param name="name">The name, case-sensitive.</param>
    /// <param name="type">The type when the name is known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryFromName(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FieldType? type)
    {
        type = name switch
        {
            "number" => Number,
            "string" => String,
            "bool" => Boolean,
            "instant" => Instant,
            "list" => List,
            _ => null,
        };
        return type is not null;
    }

    /// <summary>Tells whether a string is one of the enum values (ordinal, ignoring case, as <c>==</c> compares).</summary>
    /// <param name="value">The string.</param>
    /// <returns>Whether it is allowed.</returns>
    public bool AllowsEnumValue(string value)
    {
        foreach (var allowed in EnumValues)
        {
            if (string.Equals(allowed, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Formats the type as written in a policy (<c>number</c>, <c>{ enum: [a, b] }</c>...).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        FieldKind.Number => "number",
        FieldKind.String => "string",
        FieldKind.Boolean => "bool",
        FieldKind.Instant => "instant",
        FieldKind.List => "list",
        _ => "{ enum: [" + string.Join(", ", EnumValues) + "] }",
    };
}
