using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Conditions;

public class ConditionSemanticsTests
{
    private static readonly FakeConditionScope Scope = new FakeConditionScope(Instant.FromUtc(2026, 11, 20, 12, 0), score: 30)
        .With("employees", 250)
        .With("title", "VP Marketing")
        .With("email", "ana@acme.com")
        .With("country", "US")
        .With("flag", true)
        .With("off", false)
        .With("zero", 0)
        .With("empty", string.Empty)
        .With("path", "C:\\temp")
        .With("created_at", "2026-11-10T12:00:00Z")
        .With("offset_at", "2026-11-19T13:00:00-05:00")
        .With("date_only", "2026-11-18")
        .With("not_instant", "soon")
        .WithList("tags", "a", "B")
        .WithList("nums", 1, 2)
        .WithEvent("webinar", Instant.FromUtc(2026, 11, 19, 12, 0))
        .WithEvent("webinar", Instant.FromUtc(2026, 11, 1, 12, 0))
        .WithEvent("webinar", Instant.FromUtc(2026, 11, 25, 12, 0)) // after At: ignored
        .WithEvent("whitepaper", Instant.FromUtc(2026, 10, 1, 12, 0))
        .WithEvent("not_instant", Instant.FromUtc(2026, 11, 18, 12, 0));

    [Theory]
    // numbers
    [InlineData("employees > 100", true)]
    [InlineData("employees >= 250", true)]
    [InlineData("employees < 250", false)]
    [InlineData("employees <= 250", true)]
    [InlineData("employees == 250", true)]
    [InlineData("employees == 250.0", true)] // numeric, not textual
    [InlineData("employees != 250", false)]
    [InlineData("-3.5 < zero", true)] // negative decimal literal
    // mixed types: == false, != true, ordering false
    [InlineData("employees == \"250\"", false)]
    [InlineData("employees != \"250\"", true)]
    [InlineData("employees > \"1\"", false)]
    [InlineData("zero == false", false)]
    [InlineData("zero != false", true)]
    // strings: equality ignores case, ordering is ordinal
    [InlineData("title == \"vp marketing\"", true)]
    [InlineData("title == 'VP Marketing'", true)] // single quotes
    [InlineData("title != \"VP MARKETING\"", false)]
    [InlineData("title < \"Zeta\"", true)]
    [InlineData("title < \"a\"", true)] // ordinal: upper case sorts before lower case
    [InlineData("title >= \"VP Marketing\"", true)]
    [InlineData("empty == \"\"", true)]
    [InlineData("path == \"c:\\\\TEMP\"", true)] // escaped backslash
    [InlineData("path == \"c:\\TEMP\"", true)] // backslash kept as written
    // contains / starts_with / ends_with
    [InlineData("title contains \"market\"", true)]
    [InlineData("title contains \"sales\"", false)]
    [InlineData("title starts_with \"vp\"", true)]
    [InlineData("title ends_with \"ING\"", true)]
    [InlineData("title ends_with \"vp\"", false)]
    [InlineData("tags contains \"b\"", true)] // list membership, ignoring case
    [InlineData("tags contains \"c\"", false)]
    [InlineData("nums contains 2", true)]
    [InlineData("employees contains 2", false)] // a number contains nothing
    // in / not in
    [InlineData("country in [\"us\", \"ca\"]", true)]
    [InlineData("country in [\"gb\"]", false)]
    [InlineData("country not in [\"us\"]", false)]
    [InlineData("country not in [\"gb\"]", true)]
    [InlineData("employees in [100, 250]", true)]
    [InlineData("\"A\" in tags", true)]
    [InlineData("country in \"US\"", false)] // `in` needs a list
    [InlineData("country not in \"US\"", false)]
    // any
    [InlineData("email ends_with any [\"@rival.com\", \"@ACME.com\"]", true)]
    [InlineData("email ends_with any [\"@rival.com\"]", false)]
    [InlineData("email starts_with any [\"x\", \"ana\"]", true)]
    [InlineData("email contains any [\"@\"]", true)]
    [InlineData("employees == any [1, 250]", true)]
    [InlineData("employees > any [300, 200]", true)]
    [InlineData("employees > any [300, 400]", false)]
    [InlineData("employees != any [250]", false)]
    [InlineData("employees != any [250, 1]", true)]
    [InlineData("country in any [[\"gb\"], [\"us\"]]", true)]
    [InlineData("country not in any [[\"us\"], [\"us\", \"gb\"]]", false)]
    [InlineData("\"b\" == any tags", true)] // any over a list attribute
    [InlineData("\"c\" == any tags", false)]
    [InlineData("\"c\" == any title", false)] // any over a non-list is false
    [InlineData("employees == any []", false)]
    // matches: .NET regex as written (case-sensitive unless (?i))
    [InlineData("title matches \"(?i)\\\\b(vp|director)\\\\b\"", true)]
    [InlineData("title matches \"(?i)\\b(vp|director)\\b\"", true)] // "\b" reaches the regex as \b too
    [InlineData("title matches \"^vp\"", false)]
    [InlineData("title matches any [\"^x\", \"Marketing$\"]", true)]
    [InlineData("employees matches \"2\"", false)] // only strings match
    // bare values
    [InlineData("flag", true)]
    [InlineData("off", false)]
    [InlineData("employees", false)] // a number is not true
    [InlineData("title", false)]
    [InlineData("missing", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("null", false)]
    [InlineData("not missing", true)]
    [InlineData("not off", true)]
    [InlineData("not employees", true)]
    // null rules
    [InlineData("missing == null", true)]
    [InlineData("null == missing", true)]
    [InlineData("missing != null", false)]
    [InlineData("employees != null", true)]
    [InlineData("employees == null", false)]
    [InlineData("null == null", true)]
    [InlineData("missing > 3", false)]
    [InlineData("missing < 3", false)]
    [InlineData("not (missing > 3)", true)] // not of a comparison involving null is true
    [InlineData("missing == 3", false)]
    [InlineData("missing != 3", false)] // a comparison with null is false, != included
    [InlineData("not (missing != 3)", true)]
    [InlineData("missing == also_missing", false)] // two nulls, neither the literal null
    [InlineData("missing in [null]", false)] // null never matches inside a list
    [InlineData("missing not in [1]", false)]
    [InlineData("missing == any [null, 1]", true)] // the literal null item tests for null
    [InlineData("employees != any [null]", true)]
    [InlineData("missing contains \"x\"", false)]
    [InlineData("missing starts_with \"x\"", false)]
    [InlineData("missing matches \".*\"", false)]
    [InlineData("employees > null", false)]
    // functions
    [InlineData("exists(employees)", true)]
    [InlineData("exists(missing)", false)]
    [InlineData("not exists(missing)", true)]
    [InlineData("exists(employees) == true", true)]
    [InlineData("count(webinar) == 2", true)] // the event after At is ignored
    [InlineData("count(\"webinar\") == 2", true)]
    [InlineData("count(webinar, 7 days) == 1", true)]
    [InlineData("count(webinar, 1 day) == 1", true)] // the window's start is inclusive
    [InlineData("count(webinar, 23 hours) == 0", true)]
    [InlineData("count(webinar, 1 week) == 1", true)]
    [InlineData("count(webinar, 1440 minutes) == 1", true)]
    [InlineData("count(nothing) == 0", true)]
    [InlineData("count(webinar)", false)] // a number is not true
    [InlineData("days_since(created_at) == 10", true)] // from an ISO-8601 attribute
    [InlineData("days_since(offset_at) == 0.75", true)] // with an offset
    [InlineData("days_since(date_only) == 2.5", true)] // a date is midnight UTC
    [InlineData("days_since(webinar) == 1", true)] // from the latest event
    [InlineData("days_since(not_instant) == 2", true)] // an attribute that is no instant falls back to events
    [InlineData("days_since(nothing) == null", true)]
    [InlineData("days_since(nothing) > 0", false)]
    [InlineData("score >= 30", true)]
    [InlineData("score == 30 and not (score > 30)", true)]
    // logic and precedence
    [InlineData("flag and employees > 100", true)]
    [InlineData("off or flag", true)]
    [InlineData("off and flag", false)]
    [InlineData("flag or off and off", true)] // and binds tighter than or
    [InlineData("(flag or off) and off", false)]
    [InlineData("not off and off", false)] // not binds tighter than and
    [InlineData("not (off and off)", true)]
    [InlineData("(employees > 100) == true", true)]
    [InlineData("(employees > 100) == flag", true)]
    [InlineData("flag == true", true)]
    [InlineData("tags == [\"A\", \"b\"]", true)] // lists compare item by item
    [InlineData("tags == [\"A\"]", false)]
    [InlineData("tags != [\"A\"]", true)]
    public void Evaluate_SemanticsTable(string text, bool expected)
    {
        var condition = ConditionTestContext.CompileOk(text);
        Assert.Equal(expected, condition.Evaluate(Scope));
    }

    [Theory]
    [InlineData("not off == true", true)] // not negates the whole comparison: not (off == true)
    [InlineData("not missing > 3", true)] // not of a comparison involving null is true
    [InlineData("not flag == true and flag", false)] // not binds tighter than and
    public void Evaluate_NotBeforeComparison_NegatesTheComparison(string text, bool expected)
    {
        var context = ConditionTestContext.Create();
        var condition = ConditionCompiler.Compile(text, context);
        Assert.NotNull(condition);
        Assert.Equal(expected, condition.Evaluate(Scope));
        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void Evaluate_NonFiniteScore_IsNull()
    {
        var condition = ConditionTestContext.CompileOk("score == null");
        Assert.True(condition.Evaluate(new FakeConditionScope(score: double.NaN)));
    }

    [Fact]
    public void Evaluate_NestedRepetitionOnAlmostMatchingInput_GivesTheRightAnswer()
    {
        // On the backtracking engine this input took exponential time and hit the match timeout ("no match" by
        // accident). The non-backtracking engine answers in linear time, and the answer is the true one.
        var condition = ConditionTestContext.CompileOk("text matches \"^(\\\\w+\\\\s?)*$\"");
        var input = string.Concat(Enumerable.Repeat("word ", 40)) + "!";
        Assert.False(condition.Evaluate(new FakeConditionScope().With("text", input)));
        Assert.True(condition.Evaluate(new FakeConditionScope().With("text", string.Concat(Enumerable.Repeat("word ", 4000)))));
        Assert.True(condition.Evaluate(new FakeConditionScope().With("text", "a few words")));
    }

    [Fact]
    public void Evaluate_Threads_ShareOneCondition()
    {
        var condition = ConditionTestContext.CompileOk("employees > 100 and title matches \"(?i)vp\" and country in [\"us\"]");
        Parallel.For(0, 1000, _ => Assert.True(condition.Evaluate(Scope)));
    }

    [Fact]
    public void Compare_MixedKinds_EqualIsFalseNotEqualIsTrue()
    {
        LeadValue[] values = [LeadValue.FromBoolean(true), 1, "1", LeadValue.FromList([1])];
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                if (a.Kind != b.Kind)
                {
                    Assert.False(ConditionSemantics.Compare(ComparisonOperator.Equal, a, b));
                    Assert.True(ConditionSemantics.Compare(ComparisonOperator.NotEqual, a, b));
                    Assert.False(ConditionSemantics.Compare(ComparisonOperator.Less, a, b));
                }
            }
        }
    }
}
