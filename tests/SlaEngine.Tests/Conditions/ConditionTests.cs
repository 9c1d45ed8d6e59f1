using SlaEngine.Conditions;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Conditions;

public class ConditionTests
{
    [Fact]
    public void Identifiers_DistinctAttributesInFirstUseOrder()
    {
        var condition = ConditionTestContext.CompileOk(
            "b > 1 and exists(a) or b == 2 and count(ev) > 0 and days_since(ts) > 1 and score > 3 and c in [1] and a");
        Assert.Equal(new[] { "b", "a", "ts", "c" }, condition.Identifiers.ToArray());
        Assert.Equal(new[] { "ev", "ts" }, condition.EventTypes.ToArray());
        Assert.True(condition.UsesScore);
    }

    [Fact]
    public void Identifiers_NoScore_WhenNotUsed()
    {
        var condition = ConditionTestContext.CompileOk("x == 1");
        Assert.False(condition.UsesScore);
        Assert.Equal(new[] { "x" }, condition.Identifiers.ToArray());
        Assert.Empty(condition.EventTypes);
    }

    [Fact]
    public void Compile_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ConditionCompiler.Compile(null!, ConditionTestContext.Create()));
        Assert.Throws<ArgumentNullException>(() => ConditionCompiler.Compile("a", null!));
    }

    [Fact]
    public void FieldType_TryFromName_KnowsScalarTypes()
    {
        Assert.True(FieldType.TryFromName("number", out var number));
        Assert.Same(FieldType.Number, number);
        Assert.True(FieldType.TryFromName("bool", out _));
        Assert.True(FieldType.TryFromName("instant", out _));
        Assert.False(FieldType.TryFromName("boolean", out _));
        Assert.Equal("{ enum: [a, b] }", FieldType.Enum(["a", "b"]).ToString());
    }

    [Fact]
    public void DidYouMean_FindsTyposOnly()
    {
        Assert.Equal("email", SlaEngine.Diagnostics.DidYouMean.Find("emial", ["email", "employees"]));
        Assert.Equal("country", SlaEngine.Diagnostics.DidYouMean.Find("Country", ["country"]));
        Assert.Null(SlaEngine.Diagnostics.DidYouMean.Find("revenue", ["email", "employees"]));
    }
}
