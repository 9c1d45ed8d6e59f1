using System.Collections.Immutable;
using SlaEngine.Conditions;

namespace SlaEngine.Compilation;

/// <summary>Creates the <see cref="FieldType"/> values of the <c>fields</c> section (one place to adapt to the condition library).</summary>
internal static class FieldTypes
{
    public static FieldType Number { get; } = new(FieldKind.Number, []);

    public static FieldType String { get; } = new(FieldKind.String, []);

    public static FieldType Boolean { get; } = new(FieldKind.Boolean, []);

    public static FieldType Instant { get; } = new(FieldKind.Instant, []);

    public static FieldType List { get; } = new(FieldKind.List, []);

    public static FieldType Enum(ImmutableArray<string> values) => new(FieldKind.Enum, values);
}
