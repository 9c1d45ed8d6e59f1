using SlaEngine.Conditions;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Conditions;

public class ConditionDiagnosticsTests
{
    private const int Line = ConditionTestContext.Line;
    private const int Column = ConditionTestContext.Column;

    [Theory]
    [InlineData("", DiagnosticCodes.ConditionEmpty, 0)]
    [InlineData("   ", DiagnosticCodes.ConditionEmpty, 3)]
    [InlineData("(a == 1", DiagnosticCodes.ConditionUnbalanced, 0)] // the `(` never closed
    [InlineData("a == 1)", DiagnosticCodes.ConditionUnbalanced, 6)] // the stray `)`
    [InlineData("x in [1, 2", DiagnosticCodes.ConditionUnbalanced, 5)]
    [InlineData("a == 1]", DiagnosticCodes.ConditionUnbalanced, 6)]
    [InlineData("count(a", DiagnosticCodes.ConditionUnbalanced, 5)]
    [InlineData("a == == 1", DiagnosticCodes.ConditionUnexpectedToken, 5)]
    [InlineData("a ==", DiagnosticCodes.ConditionUnexpectedToken, 4)] // the end where a value is expected
    [InlineData("a == 1 == 2", DiagnosticCodes.ConditionUnexpectedToken, 7)] // comparisons do not chain
    [InlineData("a == 1 b", DiagnosticCodes.ConditionUnexpectedToken, 7)]
    [InlineData("a and", DiagnosticCodes.ConditionUnexpectedToken, 5)]
    [InlineData("(a b)", DiagnosticCodes.ConditionUnexpectedToken, 3)]
    [InlineData("x not contains \"a\"", DiagnosticCodes.ConditionUnexpectedToken, 2)]
    [InlineData("x in [a]", DiagnosticCodes.ConditionUnexpectedToken, 6)] // list items are literals
    [InlineData("x in [1,]", DiagnosticCodes.ConditionUnexpectedToken, 8)]
    [InlineData("x > 30 days", DiagnosticCodes.ConditionUnexpectedToken, 7)] // durations only in count
    [InlineData("foo(x)", DiagnosticCodes.ConditionUnknownFunction, 0)]
    [InlineData("a and cont(x) > 1", DiagnosticCodes.ConditionUnknownFunction, 6)]
    [InlineData("exists(1)", DiagnosticCodes.ConditionWrongArguments, 7)]
    [InlineData("exists(\"a\")", DiagnosticCodes.ConditionWrongArguments, 7)]
    [InlineData("exists(a, b)", DiagnosticCodes.ConditionWrongArguments, 10)]
    [InlineData("exists(score)", DiagnosticCodes.ConditionWrongArguments, 7)]
    [InlineData("count() > 1", DiagnosticCodes.ConditionWrongArguments, 0)]
    [InlineData("count(a, 3) > 1", DiagnosticCodes.ConditionWrongArguments, 9)]
    [InlineData("count(a, 3 days, 4) > 1", DiagnosticCodes.ConditionWrongArguments, 17)]
    [InlineData("count(a == 1) > 1", DiagnosticCodes.ConditionWrongArguments, 6)]
    [InlineData("days_since(3 days) > 1", DiagnosticCodes.ConditionWrongArguments, 11)]
    [InlineData("count(a, 3 fortnights) > 1", DiagnosticCodes.ConditionInvalidDuration, 11)]
    [InlineData("count(a, 1.5 days) > 1", DiagnosticCodes.ConditionInvalidDuration, 9)]
    [InlineData("count(a, -1 days) > 1", DiagnosticCodes.ConditionInvalidDuration, 9)]
    [InlineData("count(a, 2 business days) > 1", DiagnosticCodes.ConditionInvalidDuration, 11)]
    [InlineData("title matches \"(unclosed\"", DiagnosticCodes.ConditionInvalidRegex, 14)] // invalid regex, fields or not
    [InlineData("title matches any [\"ok\", \"[\"]", DiagnosticCodes.ConditionInvalidRegex, 25)]
    [InlineData("title matches other", DiagnosticCodes.ConditionPatternNotLiteral, 14)]
    [InlineData("title matches any other", DiagnosticCodes.ConditionPatternNotLiteral, 18)]
    [InlineData("title matches any [\"a\", 1]", DiagnosticCodes.ConditionPatternNotLiteral, 18)]
    public void Compile_SyntaxError_ReportsCodeAndPosition(string text, string code, int offset)
    {
        var error = ConditionTestContext.SingleError(text);
        Assert.Equal(code, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(ConditionTestContext.File, error.File);
        Assert.Equal(Line, error.Line);
        Assert.Equal(Column + offset, error.Column);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData("employees contains \"x\"", DiagnosticCodes.ConditionTypeMismatch, 10)] // at the operator
    [InlineData("title > 3", DiagnosticCodes.ConditionTypeMismatch, 6)]
    [InlineData("title == 3", DiagnosticCodes.ConditionTypeMismatch, 6)]
    [InlineData("employees starts_with \"1\"", DiagnosticCodes.ConditionTypeMismatch, 10)]
    [InlineData("employees matches \"1\"", DiagnosticCodes.ConditionTypeMismatch, 10)]
    [InlineData("pain_with_provider < true", DiagnosticCodes.ConditionTypeMismatch, 19)]
    [InlineData("employees in [\"a\"]", DiagnosticCodes.ConditionTypeMismatch, 10)]
    [InlineData("country in country", DiagnosticCodes.ConditionTypeMismatch, 8)]
    [InlineData("employees == any title", DiagnosticCodes.ConditionTypeMismatch, 17)]
    [InlineData("employees", DiagnosticCodes.ConditionTypeMismatch, 0)] // a bare number is no condition
    [InlineData("rank > 1 and title", DiagnosticCodes.ConditionTypeMismatch, 13)]
    [InlineData("days_since(employees) > 3", DiagnosticCodes.ConditionTypeMismatch, 11)]
    [InlineData("score contains 1", DiagnosticCodes.ConditionTypeMismatch, 6)]
    [InlineData("emial == \"x\"", DiagnosticCodes.ConditionUnknownIdentifier, 0)]
    [InlineData("purchase_timeline in [\"now\", \"soon\"]", DiagnosticCodes.ConditionNotInEnum, 29)]
    [InlineData("purchase_timeline == \"later\"", DiagnosticCodes.ConditionNotInEnum, 21)]
    [InlineData("\"later\" != purchase_timeline", DiagnosticCodes.ConditionNotInEnum, 0)]
    [InlineData("purchase_timeline == any [\"now\", \"nope\"]", DiagnosticCodes.ConditionNotInEnum, 33)]
    public void Compile_WithFields_ReportsCodeAndPosition(string text, string code, int offset)
    {
        var error = ConditionTestContext.SingleError(text, ConditionTestContext.Schema);
        Assert.Equal(code, error.Code);
        Assert.Equal(Line, error.Line);
        Assert.Equal(Column + offset, error.Column);
    }

    [Theory]
    [InlineData("purchase_timeline in [\"NOW\", \"1-6 months\"]")] // enum values ignore case, like ==
    [InlineData("email ends_with any [\"@rivalcorp.com\", \"@othercomp.io\"]")]
    [InlineData("title matches \"(?i)\\\\b(vp|director|chief|head)\\\\b\"")]
    [InlineData("pain_with_provider")]
    [InlineData("not pain_with_provider or employees > 100")]
    [InlineData("tags contains \"x\"")]
    [InlineData("created_at < \"2026-01-01\" and days_since(created_at) > 3")]
    [InlineData("days_since(webinar_attended) < 7 and count(webinar_attended, 30 days) >= 2")] // event types are not fields
    [InlineData("honeypot_field == null or employees != null")]
    [InlineData("score >= 50")]
    public void Compile_WithFields_ValidConditions(string text)
    {
        var schema = new FieldSchema(new Dictionary<string, FieldType>(ConditionTestContext.Schema.Fields) { ["honeypot_field"] = FieldType.String });
        var context = ConditionTestContext.Create(schema);
        Assert.NotNull(ConditionCompiler.Compile(text, context));
        Assert.Empty(context.Diagnostics);
    }

    [Fact]
    public void Compile_UnknownIdentifier_SuggestsClosestField()
    {
        var error = ConditionTestContext.SingleError("emial == \"x\"", ConditionTestContext.Schema);
        Assert.Equal("Unknown field `emial`: it is not declared in `fields`. Did you mean `email`?", error.Message);
    }

    [Fact]
    public void Compile_UnknownIdentifier_NoSuggestionWhenNothingIsClose()
    {
        var error = ConditionTestContext.SingleError("zzzzzzzz", ConditionTestContext.Schema);
        Assert.Equal("Unknown field `zzzzzzzz`: it is not declared in `fields`.", error.Message);
    }

    [Fact]
    public void Compile_NotInEnum_ListsValues()
    {
        var error = ConditionTestContext.SingleError("purchase_timeline == \"nwo\"", ConditionTestContext.Schema);
        Assert.Equal("\"nwo\" is not a value of `purchase_timeline`; its values are: now, 1-6 months, 6-12 months, none. Did you mean \"now\"?", error.Message);
    }

    [Fact]
    public void Compile_BareNumber_SuggestsComparison()
    {
        var error = ConditionTestContext.SingleError("employees", ConditionTestContext.Schema);
        Assert.Equal("`employees` is a number, so it cannot stand alone as a condition: a value used as a condition is true only when it is `true`. Compare it instead, e.g. `employees > 0`.", error.Message);
    }

    [Fact]
    public void Compile_DurationOutsideCount_Explains()
    {
        var error = ConditionTestContext.SingleError("days_since(created_at) > 30 days");
        Assert.Equal("Unexpected `days`: a duration can only be the window of `count`, e.g. count(webinar_attended, 30 days).", error.Message);
    }

    [Fact]
    public void Compile_UnknownFunction_Suggests()
    {
        var error = ConditionTestContext.SingleError("cont(x) > 1");
        Assert.Equal("Unknown function `cont`: the functions are exists, count and days_since. Did you mean `count`?", error.Message);
    }

    [Fact]
    public void Compile_ScoreInScoringRule_IsError()
    {
        var error = ConditionTestContext.SingleError("employees > 1 and score > 3", allowScore: false);
        Assert.Equal(DiagnosticCodes.ConditionScoreNotAllowed, error.Code);
        Assert.Equal(Column + 18, error.Column);
    }

    [Fact]
    public void Compile_SeveralTypeErrors_AreAllReported()
    {
        var context = ConditionTestContext.Create(ConditionTestContext.Schema);
        Assert.Null(ConditionCompiler.Compile("emial == 1 or title > 3 or purchase_timeline == \"x\"", context));
        Assert.Equal(
            new[] { DiagnosticCodes.ConditionUnknownIdentifier, DiagnosticCodes.ConditionTypeMismatch, DiagnosticCodes.ConditionNotInEnum },
            context.Diagnostics.Select(d => d.Code).ToArray());
    }

    [Fact]
    public void Compile_WithoutFields_UnknownTypesAreAccepted()
    {
        var context = ConditionTestContext.Create();
        Assert.NotNull(ConditionCompiler.Compile("employees contains \"x\" and title > 3 and emial == 1", context));
        Assert.Empty(context.Diagnostics);
    }

    [Theory]
    [InlineData("count(webinar) contains \"x\"", 15)] // a number never contains anything
    [InlineData("count(webinar)", 0)] // a number used as a condition
    [InlineData("exists(a) > 1", 10)]
    [InlineData("\"x\" == 1", 4)]
    public void Compile_WithoutFields_VisibleMismatchesAreWarnings(string text, int offset)
    {
        var context = ConditionTestContext.Create();
        Assert.NotNull(ConditionCompiler.Compile(text, context));
        var warning = Assert.Single(context.Diagnostics);
        Assert.Equal(DiagnosticCodes.ConditionTypeMismatch, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(Column + offset, warning.Column);
    }

    [Fact]
    public void Compile_MultiLineText_MapsLineAndColumn()
    {
        var error = ConditionTestContext.SingleError("pain_with_provider and\n  emial == 1", ConditionTestContext.Schema);
        Assert.Equal(Line + 1, error.Line);
        Assert.Equal(3, error.Column);
    }

    [Fact]
    public void Compile_TooDeep_ReportsLimit()
    {
        var error = ConditionTestContext.SingleError(new string('(', 65) + "a" + new string(')', 65));
        Assert.Equal(DiagnosticCodes.ConditionTooDeep, error.Code);
        Assert.Equal(Column + 64, error.Column);
        Assert.Contains("64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TooDeepNots_ReportsLimit()
    {
        var error = ConditionTestContext.SingleError(string.Concat(Enumerable.Repeat("not ", 100)) + "a");
        Assert.Equal(DiagnosticCodes.ConditionTooDeep, error.Code);
    }

    [Fact]
    public void Compile_TooManyTokens_ReportsLimit()
    {
        var text = string.Join(" and ", Enumerable.Repeat("a", 2049)); // 4097 tokens
        var error = ConditionTestContext.SingleError(text);
        Assert.Equal(DiagnosticCodes.ConditionTooLong, error.Code);
        Assert.Equal(Column + text.Length - 1, error.Column);
        Assert.Contains("4096", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_AppendsToExistingDiagnostics()
    {
        var context = ConditionTestContext.Create();
        context.Diagnostics.Add(new Diagnostic("SLA0001", DiagnosticSeverity.Error, "earlier", "x", 1, 1));
        Assert.NotNull(ConditionCompiler.Compile("a", context));
        Assert.Single(context.Diagnostics);
    }

    [Fact]
    public void DiagnosticCodes_AreUniqueAndInRange()
    {
        var codes = typeof(DiagnosticCodes)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(f => f.Name.StartsWith("Condition", StringComparison.Ordinal))
            .Select(f => (string)f.GetValue(null)!)
            .ToList();
        Assert.Equal(19, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.InRange(string.CompareOrdinal(c, "SLA0400"), 1, int.MaxValue));
        Assert.All(codes, c => Assert.InRange(string.CompareOrdinal(c, "SLA0499"), int.MinValue, 0));
    }
}
