using SlaEngine.Conditions;
using SlaEngine.Diagnostics;
using static SlaEngine.Tests.Conditions.ConditionTestContext;

namespace SlaEngine.Tests.Conditions;

public sealed class BacktrackingCheckTests
{
    [Theory]
    [InlineData("(a+)+", "(a+)+")] // the textbook case
    [InlineData("^(a+)+$", "(a+)+")] // anchored: still exponential on "aaaa…!"
    [InlineData("(a*)*", "(a*)*")] // star of star
    [InlineData("(a|a)*", "(a|a)*")] // identical alternatives
    [InlineData("(a|aa)+", "(a|aa)+")] // one alternative repeats the other
    [InlineData("(.*)*", "(.*)*")] // anything, repeated
    [InlineData(@"^(\w+\s?)+$", @"(\w+\s?)+")] // words and optional spaces: the classic e-mail/name validator
    [InlineData(@"(?:\d+)+x", @"(?:\d+)+")] // non-capturing group
    [InlineData(@"(?<word>[a-z]+)*", "(?<word>[a-z]+)*")] // named group, class with a quantifier
    [InlineData("((ab)+)+", "((ab)+)+")] // the inner repetition is a group itself
    [InlineData("(a+){2,}", "(a+){2,}")] // an open-ended counted repetition
    [InlineData("(a+){1,20}", "(a+){1,20}")] // a counted range is enough to blow up
    [InlineData("(?i)(x+)+?y", "(x+)+?")] // lazy outer quantifier, after inline options
    [InlineData("(?i:(x+)+)", "(x+)+")] // inside an option group
    public void Find_NestedRepetition_IsFlagged(string pattern, string part)
    {
        Assert.True(BacktrackingCheck.TryFindNestedRepetition(pattern, out var start, out var length));
        Assert.Equal(part, pattern.Substring(start, length));
    }

    [Theory]
    [InlineData(@"(?i)\b(vp|director)\b")] // a group, not repeated
    [InlineData(@"^[a-z]+@acme\.com$")] // no group
    [InlineData(@"(?i)\b(vp|director|chief|head)\b")] // the sample policy's pattern
    [InlineData(@"^(\d{1,3}\.){3}\d{1,3}$")] // bounded inner repetition
    [InlineData("(ab)+")] // repeated group without inner repetition
    [InlineData("(a|b)*")] // distinct alternatives
    [InlineData("(a+)?")] // inner repetition, group at most once
    [InlineData("(a+){3}")] // an exact count has one way to split per count
    [InlineData("(?>a+)+")] // atomic: no backtracking into the body
    [InlineData("(?=a+)+b")] // lookaround bodies are atomic
    [InlineData(@"([+*])+")] // quantifier characters inside a class are literals
    [InlineData(@"(\+\*)+")] // escaped quantifier characters are literals
    [InlineData(@"(\p{L})+")] // a Unicode category is not a counted repetition
    [InlineData("(?#(a+)+)x")] // a comment
    [InlineData("")] // empty
    public void Find_OrdinaryPattern_IsNotFlagged(string pattern)
    {
        Assert.False(BacktrackingCheck.TryFindNestedRepetition(pattern, out _, out _));
    }

    [Theory]
    [InlineData("title matches \"(a+)+\"", 14)]
    [InlineData("title matches \"(a*)*\"", 14)]
    [InlineData("title matches \"(a|a)*\"", 14)]
    [InlineData("title matches \"(.*)*\"", 14)]
    [InlineData("title matches \"(\\\\w+\\\\s?)+\"", 14)]
    [InlineData("email ends_with \"@x.io\" or title matches any [\"(?i)vp\", \"(a+)+$\"]", 56)]
    public void Compile_BacktrackingPattern_WarnsAtTheLiteral(string text, int offset)
    {
        var context = Create();

        var condition = ConditionCompiler.Compile(text, context);

        Assert.NotNull(condition);
        var warning = Assert.Single(context.Diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionRegexBacktracking, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(Line, warning.Line);
        Assert.Equal(Column + offset, warning.Column);
    }

    [Fact]
    public void Compile_BacktrackingPattern_MessageNamesThePartTheTimeoutAndTheFix()
    {
        var context = Create(regexTimeout: TimeSpan.FromMilliseconds(250));

        ConditionCompiler.Compile("title matches \"^(a+)+$\"", context);

        Assert.Equal(
            "The pattern repeats `(a+)+`, whose body can match the same text in many ways: on input that almost matches it backtracks catastrophically until the 250 ms match timeout, then counts as no match. Match each character one way only (`a+` for `(a+)+`) or make the repeated part atomic (`(?>\\w+\\s?)+` for `(\\w+\\s?)+`).",
            Assert.Single(context.Diagnostics).Message);
    }

    [Theory]
    [InlineData("title matches \"(?i)\\\\b(vp|director)\\\\b\"")]
    [InlineData("email matches \"^[a-z]+@acme\\\\.com$\"")]
    public void Compile_OrdinaryPattern_NoDiagnostics(string text)
    {
        var context = Create();

        Assert.NotNull(ConditionCompiler.Compile(text, context));
        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void Find_HugeAlternation_StaysFast()
    {
        var pattern = "(" + string.Join("|", Enumerable.Range(0, 100_000).Select(i => "w" + i)) + ")+";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        BacktrackingCheck.TryFindNestedRepetition(pattern, out _, out _);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), watch.Elapsed.ToString());
    }
}
