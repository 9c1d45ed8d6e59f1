using SlaEngine.Conditions;

namespace SlaEngine.Tests.Conditions;

public class ConditionParserTests
{
    [Theory]
    [InlineData("a==1", "a == 1")]
    [InlineData("not(a==1)", "not a == 1")]
    [InlineData("a or b and c", "a or b and c")] // and binds tighter than or
    [InlineData("(a or b) and c", "(a or b) and c")]
    [InlineData("a or (b and c)", "a or b and c")] // redundant parentheses go
    [InlineData("(a and b) and c", "(a and b) and c")] // explicit grouping is kept
    [InlineData("not not a", "not not a")]
    [InlineData("not a and b", "not a and b")] // not binds tighter than and
    [InlineData("(not a) == true", "(not a) == true")]
    [InlineData("a == (b > 1)", "a == (b > 1)")]
    [InlineData("x == 'it\\'s'", "x == \"it's\"")] // canonical strings are double-quoted
    [InlineData("x == \"a\\\\b\"", "x == \"a\\\\b\"")] // a backslash prints escaped
    [InlineData("x matches \"\\b\"", "x matches \"\\\\b\"")] // \b as written prints as \\b: the same pattern
    [InlineData("x   in[1,2 ,[3]]", "x in [1, 2, [3]]")]
    [InlineData("x not in []", "x not in []")]
    [InlineData("email ends_with any ['@a.com','@b.io']", "email ends_with any [\"@a.com\", \"@b.io\"]")]
    [InlineData("count(e,1 days) > 0", "count(e, 1 day) > 0")]
    [InlineData("count( 'web visit' , 30 day ) >= 2", "count(\"web visit\", 30 days) >= 2")]
    [InlineData("days_since(created_at) < 3.5", "days_since(created_at) < 3.5")]
    [InlineData("exists(x)", "exists(x)")]
    [InlineData("-0.5 < score", "-0.5 < score")]
    [InlineData("a\n  and\tb", "a and b")] // any white space separates tokens
    public void Compile_ToString_IsCanonical(string text, string expected)
    {
        var condition = ConditionTestContext.CompileOk(text);
        Assert.Equal(expected, condition.ToString());
        Assert.Equal(expected, ConditionTestContext.CompileOk(expected).ToString());
        Assert.Equal(text, condition.Text);
    }

    [Fact]
    public void Parse_AndOrChains_AreFlat()
    {
        var condition = ConditionTestContext.CompileOk("a or b or c or d and e and f");
        var or = Assert.IsType<LogicalNode>(condition.Root);
        Assert.False(or.IsAnd);
        Assert.Equal(4, or.Operands.Length);
        var and = Assert.IsType<LogicalNode>(or.Operands[3]);
        Assert.Equal(3, and.Operands.Length);
    }

    [Fact]
    public void Parse_NotNegatesTheWholeComparison()
    {
        var context = ConditionTestContext.Create();
        var condition = ConditionCompiler.Compile("not a == b", context);
        var not = Assert.IsType<NotNode>(condition!.Root);
        Assert.IsType<ComparisonNode>(not.Operand);
        Assert.Equal("not a == b", condition.ToString());
    }

    [Fact]
    public void Parse_NotInFollowedByAny_ParsesBoth()
    {
        var comparison = Assert.IsType<ComparisonNode>(ConditionTestContext.CompileOk("a not in any [[1], [2]]").Root);
        Assert.Equal(ComparisonOperator.NotIn, comparison.Operator);
        Assert.True(comparison.Any);
    }

    [Fact]
    public void Parse_Count_KeepsWindow()
    {
        var call = Assert.IsType<CallNode>(Assert.IsType<ComparisonNode>(ConditionTestContext.CompileOk("count(webinar, 2 weeks) > 1").Root).Left);
        Assert.Equal(ConditionFunction.Count, call.Function);
        Assert.Equal("webinar", call.Argument);
        Assert.Equal(NodaTime.Duration.FromDays(14), call.Window!.Value.Duration);
    }

    [Fact]
    public void Parse_SixtyFourLevels_IsAllowed()
    {
        var text = new string('(', 64) + "a" + new string(')', 64);
        Assert.Equal("a", ConditionTestContext.CompileOk(text).ToString());
    }

    [Fact]
    public void Parse_LongFlatChain_DoesNotCountAsNesting()
    {
        var text = string.Join(" and ", Enumerable.Repeat("a > 1", 1000));
        Assert.NotNull(ConditionTestContext.CompileOk(text));
    }
}
