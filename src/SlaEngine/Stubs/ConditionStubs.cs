// THROWAWAY STUB: delete before merging the conditions branch.
#pragma warning disable CS1591, SA1402, SA1649
using System.Collections.Immutable;
using SlaEngine.Validation;

namespace SlaEngine.Conditions;

internal enum FieldKind
{
    Number,
    String,
    Boolean,
    Enum,
    Instant,
    List,
}

internal sealed class FieldType
{
    public FieldType(FieldKind kind, ImmutableArray<string> enumValues = default)
    {
        Kind = kind;
        EnumValues = enumValues.IsDefault ? [] : enumValues;
    }

    public FieldKind Kind { get; }

    public ImmutableArray<string> EnumValues { get; }
}

internal sealed class FieldSchema
{
    public FieldSchema(IReadOnlyDictionary<string, FieldType> fields)
    {
        Fields = fields;
    }

    public IReadOnlyDictionary<string, FieldType> Fields { get; }
}

internal interface IConditionScope
{
    double Score { get; }

    NodaTime.Instant At { get; }

    SlaEngine.Evaluation.LeadValue GetAttribute(string name);

    int CountEvents(string eventType, NodaTime.Duration? window);

    NodaTime.Instant? LatestEvent(string eventType);
}

internal sealed class Condition
{
    public Condition(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public ImmutableArray<string> Identifiers => [];

    public bool Evaluate(IConditionScope scope) => false;
}

internal sealed class ConditionCompileContext
{
    public required string File { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    public FieldSchema? Fields { get; init; }

    public bool AllowScore { get; init; } = true;

    public List<Diagnostic> Diagnostics { get; init; } = [];
}

internal static class ConditionCompiler
{
    public static Condition? Compile(string text, ConditionCompileContext ctx)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ctx.Diagnostics.Add(new Diagnostic("SLA0400", DiagnosticSeverity.Error, "empty condition", ctx.File, ctx.Line, ctx.Column));
            return null;
        }

        return new Condition(text);
    }
}
