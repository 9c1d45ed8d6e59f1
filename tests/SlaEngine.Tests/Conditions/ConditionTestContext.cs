using SlaEngine.Conditions;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Conditions;

/// <summary>Shared helpers: compile with a known location and an optional schema.</summary>
internal static class ConditionTestContext
{
    public const string File = "policy.yaml";
    public const int Line = 10;
    public const int Column = 20;

    public static FieldSchema Schema { get; } = new(new Dictionary<string, FieldType>
    {
        ["employees"] = FieldType.Number,
        ["rank"] = FieldType.Number,
        ["title"] = FieldType.String,
        ["email"] = FieldType.String,
        ["country"] = FieldType.String,
        ["purchase_timeline"] = FieldType.Enum(["now", "1-6 months", "6-12 months", "none"]),
        ["pain_with_provider"] = FieldType.Boolean,
        ["tags"] = FieldType.List,
        ["created_at"] = FieldType.Instant,
    });

    public static ConditionCompileContext Create(FieldSchema? fields = null, bool allowScore = true) => new()
    {
        File = File,
        Line = Line,
        Column = Column,
        Fields = fields,
        AllowScore = allowScore,
    };

    public static Condition CompileOk(string text, FieldSchema? fields = null)
    {
        var context = Create(fields);
        var condition = ConditionCompiler.Compile(text, context);
        Assert.True(condition is not null, "expected to compile: " + text + "\n" + string.Join("\n", context.Diagnostics));
        Assert.DoesNotContain(context.Diagnostics, d => d.IsError);
        return condition!;
    }

    public static Diagnostic SingleError(string text, FieldSchema? fields = null, bool allowScore = true)
    {
        var context = Create(fields, allowScore);
        var condition = ConditionCompiler.Compile(text, context);
        Assert.Null(condition);
        var errors = context.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, "expected one error for " + text + ", got:\n" + string.Join("\n", context.Diagnostics));
        return errors[0];
    }
}
