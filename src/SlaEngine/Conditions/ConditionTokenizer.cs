using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SlaEngine.Diagnostics;

namespace SlaEngine.Conditions;

/// <summary>Splits condition text into tokens, reporting the first lexical error.</summary>
internal static class ConditionTokenizer
{
    /// <summary>The most tokens a condition may have (not counting the end).</summary>
    internal const int MaxTokens = 4096;

    /// <summary>Tokenizes a condition.</summary>
    /// <param name="text">The condition text.</param>
    /// <param name="context">Where errors are reported.</param>
    /// <param name="tokens">The tokens, ending with <see cref="TokenKind.End"/>, when there was no error.</param>
    /// <returns>Whether the text tokenized without error.</returns>
    public static bool TryTokenize(string text, ConditionCompileContext context, out ImmutableArray<ConditionToken> tokens)
    {
        var builder = ImmutableArray.CreateBuilder<ConditionToken>();
        var i = 0;
        tokens = default;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                builder.Add(new ConditionToken(TokenKind.End, text.Length, 0, string.Empty));
                tokens = builder.ToImmutable();
                return true;
            }

            if (builder.Count == MaxTokens)
            {
                context.Report(
                    text,
                    i,
                    DiagnosticCodes.ConditionTooLong,
                    DiagnosticSeverity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"The condition is longer than the limit of {MaxTokens} tokens; split it into several rules."));
                return false;
            }

            var start = i;
            var c = text[i];
            if (IsIdentifierStart(c))
            {
                while (i < text.Length && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                var word = text[start..i];
                builder.Add(new ConditionToken(KeywordKind(word), start, i - start, word));
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                if (!TryReadNumber(text, ref i, context, out var number))
                {
                    return false;
                }

                builder.Add(new ConditionToken(TokenKind.Number, start, i - start, text[start..i], number));
                continue;
            }

            if (c is '"' or '\'')
            {
                if (!TryReadString(text, ref i, out var value))
                {
                    context.Report(
                        text,
                        start,
                        DiagnosticCodes.ConditionUnterminatedString,
                        DiagnosticSeverity.Error,
                        $"Unterminated string: the string opened with {c} here is never closed.");
                    return false;
                }

                builder.Add(new ConditionToken(TokenKind.String, start, i - start, value));
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            TokenKind kind;
            var length = 1;
            switch (c)
            {
                case '(':
                    kind = TokenKind.OpenParen;
                    break;
                case ')':
                    kind = TokenKind.CloseParen;
                    break;
                case '[':
                    kind = TokenKind.OpenBracket;
                    break;
                case ']':
                    kind = TokenKind.CloseBracket;
                    break;
                case ',':
                    kind = TokenKind.Comma;
                    break;
                case '=' when next == '=':
                    kind = TokenKind.Equal;
                    length = 2;
                    break;
                case '!' when next == '=':
                    kind = TokenKind.NotEqual;
                    length = 2;
                    break;
                case '<' when next == '=':
                    kind = TokenKind.LessOrEqual;
                    length = 2;
                    break;
                case '<':
                    kind = TokenKind.Less;
                    break;
                case '>' when next == '=':
                    kind = TokenKind.GreaterOrEqual;
                    length = 2;
                    break;
                case '>':
                    kind = TokenKind.Greater;
                    break;
                default:
                    context.Report(text, start, DiagnosticCodes.ConditionInvalidCharacter, DiagnosticSeverity.Error, InvalidCharacterMessage(c, next));
                    return false;
            }

            builder.Add(new ConditionToken(kind, start, length, text.Substring(start, length)));
            i += length;
        }
    }

    /// <summary>Tells whether a word is a keyword (and so cannot name an attribute).</summary>
    /// <param name="word">The word.</param>
    /// <returns>Whether it is reserved.</returns>
    internal static bool IsKeyword(string word) => KeywordKind(word) != TokenKind.Identifier;

    /// <summary>Tells whether a character can start an identifier.</summary>
    /// <param name="c">The character.</param>
    /// <returns>Whether it can.</returns>
    internal static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    /// <summary>Tells whether a character can continue an identifier.</summary>
    /// <param name="c">The character.</param>
    /// <returns>Whether it can.</returns>
    internal static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static TokenKind KeywordKind(string word) => word switch
    {
        "and" => TokenKind.And,
        "or" => TokenKind.Or,
        "not" => TokenKind.Not,
        "in" => TokenKind.In,
        "contains" => TokenKind.Contains,
        "starts_with" => TokenKind.StartsWith,
        "ends_with" => TokenKind.EndsWith,
        "matches" => TokenKind.Matches,
        "any" => TokenKind.Any,
        "true" => TokenKind.True,
        "false" => TokenKind.False,
        "null" => TokenKind.Null,
        _ => TokenKind.Identifier,
    };

    private static string InvalidCharacterMessage(char c, char next)
    {
        var hint = (c, next) switch
        {
            ('=', _) => " Use `==` to compare.",
            ('!', _) => " Use `not` to negate, or `!=` to compare.",
            ('&', '&') => " Use `and`.",
            ('|', '|') => " Use `or`.",
            ('.', _) => " Numbers need a digit before the decimal point, e.g. 0.5.",
            _ => string.Empty,
        };
        var shown = char.IsControl(c) || char.IsSurrogate(c)
            ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : "'" + c + "'";
        return $"Unexpected character {shown} in condition.{hint}";
    }

    private static bool TryReadNumber(string text, ref int i, ConditionCompileContext context, out double number)
    {
        var start = i;
        if (text[i] == '-')
        {
            i++;
        }

        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        // A number running straight into letters, a dot or another digit group (`12abc`, `1.2.3`) is malformed.
        if (i < text.Length && (IsIdentifierPart(text[i]) || text[i] == '.'))
        {
            while (i < text.Length && (IsIdentifierPart(text[i]) || text[i] == '.'))
            {
                i++;
            }

            context.Report(text, start, DiagnosticCodes.ConditionInvalidNumber, DiagnosticSeverity.Error, $"Invalid number '{Shorten(text[start..i])}'.");
            number = 0;
            return false;
        }

        var literal = text.AsSpan(start, i - start);
        if (!double.TryParse(literal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number)
            || !double.IsFinite(number))
        {
            context.Report(text, start, DiagnosticCodes.ConditionInvalidNumber, DiagnosticSeverity.Error, $"Number '{Shorten(literal.ToString())}' is out of range.");
            return false;
        }

        return true;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static bool TryReadString(string text, ref int i, out string value)
    {
        var quote = text[i];
        i++;
        var builder = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                i++;
                value = builder.ToString();
                return true;
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '\\' or '"' or '\'')
            {
                builder.Append(text[i + 1]);
                i += 2;
                continue;
            }

            builder.Append(c);
            i++;
        }

        value = string.Empty;
        return false;
    }
}
