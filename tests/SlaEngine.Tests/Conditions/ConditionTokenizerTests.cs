using SlaEngine.Conditions;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Conditions;

public class ConditionTokenizerTests
{
    [Fact]
    public void TryTokenize_OperatorsAndKeywords_GivesKinds()
    {
        var kinds = Tokenize("not (a<=1 or b>=-2.5) and c != 'x' and d not in [true, false, null] and e starts_with any [\"y\"]")
            .Select(t => t.Kind)
            .ToArray();

        Assert.Equal(
            new[]
            {
                TokenKind.Not, TokenKind.OpenParen, TokenKind.Identifier, TokenKind.LessOrEqual, TokenKind.Number, TokenKind.Or,
                TokenKind.Identifier, TokenKind.GreaterOrEqual, TokenKind.Number, TokenKind.CloseParen, TokenKind.And,
                TokenKind.Identifier, TokenKind.NotEqual, TokenKind.String, TokenKind.And, TokenKind.Identifier, TokenKind.Not,
                TokenKind.In, TokenKind.OpenBracket, TokenKind.True, TokenKind.Comma, TokenKind.False, TokenKind.Comma,
                TokenKind.Null, TokenKind.CloseBracket, TokenKind.And, TokenKind.Identifier, TokenKind.StartsWith, TokenKind.Any,
                TokenKind.OpenBracket, TokenKind.String, TokenKind.CloseBracket, TokenKind.End,
            },
            kinds);
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-3.5", -3.5)]
    [InlineData("0.25", 0.25)]
    [InlineData("1E+20", 1e20)] // the printer's round-trip format for big numbers
    [InlineData("-1e-5", -1e-5)]
    public void TryTokenize_Numbers_InvariantCulture(string text, double expected)
    {
        var token = Tokenize(text)[0];
        Assert.Equal(TokenKind.Number, token.Kind);
        Assert.Equal(expected, token.Number);
    }

    [Fact]
    public void TryTokenize_MinusAfterOperator_IsNegativeNumber()
    {
        var tokens = Tokenize("x>-3");
        Assert.Equal(TokenKind.Greater, tokens[1].Kind);
        Assert.Equal(-3, tokens[2].Number);
    }

    [Theory]
    [InlineData(@"""a\\b""", @"a\b")] // escaped backslash
    [InlineData(@"""\b""", @"\b")] // other backslashes are kept as written
    [InlineData(@"""\\b""", @"\b")] // ... so both reach a regex as \b
    [InlineData(@"'it\'s'", "it's")] // escaped single quote
    [InlineData(@"""say \""hi\""""", @"say ""hi""")] // escaped double quotes
    [InlineData(@"'a ""b""'", @"a ""b""")] // the other quote needs no escape
    [InlineData(@"""\d+\.""", @"\d+\.")] // regex escapes survive
    [InlineData(@"""""", "")] // empty string
    public void TryTokenize_Strings_Unescape(string text, string expected)
    {
        var token = Tokenize(text)[0];
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(expected, token.Text);
    }

    [Fact]
    public void TryTokenize_Offsets_PointAtTokenStarts()
    {
        var tokens = Tokenize("ab  == 'c'");
        Assert.Equal(new[] { 0, 4, 7, 10 }, tokens.Select(t => t.Offset).ToArray());
    }

    [Theory]
    [InlineData("a == \"x", DiagnosticCodes.ConditionUnterminatedString, 5)]
    [InlineData("a == 'x\\'", DiagnosticCodes.ConditionUnterminatedString, 5)]
    [InlineData("a # b", DiagnosticCodes.ConditionInvalidCharacter, 2)]
    [InlineData("a = 1", DiagnosticCodes.ConditionInvalidCharacter, 2)]
    [InlineData("!a", DiagnosticCodes.ConditionInvalidCharacter, 0)]
    [InlineData("a && b", DiagnosticCodes.ConditionInvalidCharacter, 2)]
    [InlineData("a == .5", DiagnosticCodes.ConditionInvalidCharacter, 5)]
    [InlineData("a == 1.2.3", DiagnosticCodes.ConditionInvalidNumber, 5)]
    [InlineData("a == 12abc", DiagnosticCodes.ConditionInvalidNumber, 5)]
    [InlineData("a == 1e999", DiagnosticCodes.ConditionInvalidNumber, 5)]
    public void TryTokenize_BadInput_ReportsLocatedError(string text, string code, int offset)
    {
        var context = ConditionTestContext.Create();
        Assert.False(ConditionTokenizer.TryTokenize(text, context, out _));
        var error = Assert.Single(context.Diagnostics);
        Assert.Equal(code, error.Code);
        Assert.Equal(ConditionTestContext.Line, error.Line);
        Assert.Equal(ConditionTestContext.Column + offset, error.Column);
    }

    [Fact]
    public void TryTokenize_ExactlyMaxTokens_Succeeds()
    {
        var text = string.Join(" ", Enumerable.Repeat("a", ConditionTokenizer.MaxTokens));
        Assert.Equal(ConditionTokenizer.MaxTokens + 1, Tokenize(text).Length);
    }

    private static ConditionToken[] Tokenize(string text)
    {
        var context = ConditionTestContext.Create();
        Assert.True(ConditionTokenizer.TryTokenize(text, context, out var tokens), string.Join("\n", context.Diagnostics));
        return tokens.ToArray();
    }
}
