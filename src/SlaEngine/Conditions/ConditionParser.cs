using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using SlaEngine.Evaluation;
using SlaEngine.Diagnostics;
using SlaEngine.Conditions;

namespace SlaEngine.Conditions;

/// <summary>
/// Recursive-descent parser of the condition language. Reports the first syntax error (and every invalid regex)
/// to the compile context.
/// </summary>
/// <remarks>
/// Grammar, lowest precedence first:
/// <code>
/// condition  := or END
/// or         := and ("or" and)*
/// and        := comparison ("and" comparison)*
/// comparison := unary [op ["any"] unary]          (comparisons do not chain)
/// op         := == | != | &lt; | &lt;= | &gt; | &gt;= | in | not in | contains | starts_with | ends_with | matches
/// unary      := "not" unary | primary
/// primary    := NUMBER | STRING | true | false | null | list | IDENT | IDENT "(" args ")" | "(" or ")"
/// list       := "[" [literal ("," literal)*] "]"
/// </code>
/// </remarks>
internal sealed class ConditionParser
{
    /// <summary>The deepest nesting of parentheses, lists, calls and <c>not</c>.</summary>
    internal const int MaxDepth = 64;

    private static readonly string[] FunctionNames = ["exists", "count", "days_since"];

    private readonly string _text;
    private readonly ImmutableArray<ConditionToken> _tokens;
    private readonly ConditionCompileContext _context;
    private int _position;
    private int _depth;

    private ConditionParser(string text, ImmutableArray<ConditionToken> tokens, ConditionCompileContext context)
    {
        _text = text;
        _tokens = tokens;
        _context = context;
    }

    private ConditionToken Current => _tokens[_position];

    private ConditionToken Next => _tokens[Math.Min(_position + 1, _tokens.Length - 1)];

    /// <summary>Parses tokenized condition text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens, ending with <see cref="TokenKind.End"/>.</param>
    /// <param name="context">Where errors are reported.</param>
    /// <returns>The tree, or <see langword="null"/> after a syntax error.</returns>
    public static ConditionNode? Parse(string text, ImmutableArray<ConditionToken> tokens, ConditionCompileContext context)
    {
        var parser = new ConditionParser(text, tokens, context);
        try
        {
            return parser.ParseCondition();
        }
        catch (SyntaxErrorException)
        {
            return null;
        }
    }

    private ConditionNode ParseCondition()
    {
        if (Current.Kind == TokenKind.End)
        {
            throw Error(Current, DiagnosticCodes.ConditionEmpty, "The condition is empty.");
        }

        var node = ParseOr();
        switch (Current.Kind)
        {
            case TokenKind.End:
                return node;
            case TokenKind.CloseParen:
                throw Error(Current, DiagnosticCodes.ConditionUnbalanced, "Unbalanced parentheses: this `)` has no matching `(`.");
            case TokenKind.CloseBracket:
                throw Error(Current, DiagnosticCodes.ConditionUnbalanced, "Unbalanced brackets: this `]` has no matching `[`.");
            default:
                throw Unexpected("a complete condition ends here; join conditions with `and` or `or`");
        }
    }

    private ConditionNode ParseOr() => ParseLogical(TokenKind.Or, ParseAnd);

    private ConditionNode ParseAnd() => ParseLogical(TokenKind.And, ParseNot);

    /// <summary>Parses <c>operand (op operand)*</c> into one n-ary <see cref="LogicalNode"/> (or the single operand).</summary>
    private ConditionNode ParseLogical(TokenKind op, Func<ConditionNode> parseOperand)
    {
        var first = parseOperand();
        if (Current.Kind != op)
        {
            return first;
        }

        var operands = ImmutableArray.CreateBuilder<ConditionNode>();
        operands.Add(first);
        while (Current.Kind == op)
        {
            _position++;
            operands.Add(parseOperand());
        }

        return new LogicalNode(op == TokenKind.And, operands.ToImmutable(), first.Offset);
    }

    private ConditionNode ParseComparison()
    {
        var left = ParsePrimary();
        var operatorToken = Current;
        if (!TryReadOperator(out var op))
        {
            return left;
        }

        var any = false;
        if (Current.Kind == TokenKind.Any)
        {
            any = true;
            _position++;
        }

        var right = ParsePrimary();
        var patterns = op == ComparisonOperator.Matches ? CompilePatterns(right, any) : default;
        var node = new ComparisonNode(op, any, left, right, patterns, left.Offset, operatorToken.Offset);
        if (IsOperatorToken(Current))
        {
            throw Error(Current, DiagnosticCodes.ConditionUnexpectedToken, $"Unexpected {Current.Describe(_text)}: comparisons do not chain; join them with `and` or `or`, or use parentheses.");
        }

        return node;
    }

    private bool IsOperatorToken(ConditionToken token) => token.Kind switch
    {
        TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual
            or TokenKind.In or TokenKind.Contains or TokenKind.StartsWith or TokenKind.EndsWith or TokenKind.Matches => true,
        TokenKind.Not => Next.Kind == TokenKind.In,
        _ => false,
    };

    private bool TryReadOperator(out ComparisonOperator op)
    {
        op = Current.Kind switch
        {
            TokenKind.Equal => ComparisonOperator.Equal,
            TokenKind.NotEqual => ComparisonOperator.NotEqual,
            TokenKind.Less => ComparisonOperator.Less,
            TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
            TokenKind.Greater => ComparisonOperator.Greater,
            TokenKind.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
            TokenKind.In => ComparisonOperator.In,
            TokenKind.Contains => ComparisonOperator.Contains,
            TokenKind.StartsWith => ComparisonOperator.StartsWith,
            TokenKind.EndsWith => ComparisonOperator.EndsWith,
            TokenKind.Matches => ComparisonOperator.Matches,
            _ => ComparisonOperator.NotIn,
        };

        if (Current.Kind == TokenKind.Not)
        {
            if (Next.Kind != TokenKind.In)
            {
                throw Error(Current, DiagnosticCodes.ConditionUnexpectedToken, "Unexpected `not` after a value: only `not in` can follow a value; to negate a comparison write `not (a contains b)`.");
            }

            _position += 2;
            return true;
        }

        if (op == ComparisonOperator.NotIn)
        {
            return false;
        }

        _position++;
        return true;
    }

    private ConditionNode ParseNot()
    {
        // `not` negates a whole comparison: `not x > 3` is `not (x > 3)` (it binds looser than comparisons, tighter than `and`).
        if (Current.Kind != TokenKind.Not)
        {
            return ParseComparison();
        }

        var notToken = Current;
        Enter(notToken);
        _position++;
        var operand = ParseNot();
        _depth--;
        return new NotNode(operand, notToken.Offset);
    }

    private ConditionNode ParsePrimary()
    {
        var token = Current;
        if (TryParseLiteral() is { } literal)
        {
            return literal;
        }

        switch (token.Kind)
        {
            case TokenKind.OpenParen:
            {
                Enter(token);
                _position++;
                var inner = ParseOr();
                Expect(TokenKind.CloseParen, token, "`(`", "`)`, `and` or `or`");
                _depth--;
                return inner;
            }

            case TokenKind.Identifier when Next.Kind == TokenKind.OpenParen:
                return ParseCall();
            case TokenKind.Identifier:
                _position++;
                return new IdentifierNode(token.Text, token.Offset);
            case TokenKind.End:
                throw Error(token, DiagnosticCodes.ConditionUnexpectedToken, "The condition ends where a value is expected.");
            default:
                throw Unexpected("expected a value: an attribute, a literal, a function call or `(`");
        }
    }

    private ListNode ParseList()
    {
        var open = Current;
        Enter(open);
        _position++;
        var items = ImmutableArray.CreateBuilder<ConditionNode>();
        if (Current.Kind != TokenKind.CloseBracket)
        {
            while (true)
            {
                items.Add(ParseListItem());
                if (Current.Kind == TokenKind.Comma)
                {
                    _position++;
                    continue;
                }

                break;
            }
        }

        Expect(TokenKind.CloseBracket, open, "`[`", "`,` or `]`");
        _depth--;
        return new ListNode(items.ToImmutable(), open.Offset);
    }

    private ConditionNode ParseListItem()
    {
        var token = Current;
        if (TryParseLiteral() is { } literal)
        {
            return literal;
        }

        switch (token.Kind)
        {
            case TokenKind.End:
                throw Error(token, DiagnosticCodes.ConditionUnexpectedToken, "The condition ends where a list item is expected.");
            default:
                throw Unexpected("list items must be literals: numbers, strings, true, false, null or lists");
        }
    }

    /// <summary>Parses a scalar literal or a list at the current token, or returns null when there is none.</summary>
    private ConditionNode? TryParseLiteral()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
            case TokenKind.True:
            case TokenKind.False:
            case TokenKind.Null:
                _position++;
                return new LiteralNode(ScalarValue(token), token.Offset);
            case TokenKind.OpenBracket:
                return ParseList();
            default:
                return null;
        }
    }

    private CallNode ParseCall()
    {
        var nameToken = Current;
        var function = nameToken.Text switch
        {
            "exists" => ConditionFunction.Exists,
            "count" => ConditionFunction.Count,
            "days_since" => ConditionFunction.DaysSince,
            _ => throw Error(nameToken, DiagnosticCodes.ConditionUnknownFunction, UnknownFunctionMessage(nameToken.Text)),
        };

        var open = Next;
        Enter(open);
        _position += 2;
        var arguments = new List<(ConditionToken Token, ConditionNode? Node, CountWindow? Window)>();
        if (Current.Kind != TokenKind.CloseParen)
        {
            while (true)
            {
                var argumentToken = Current;
                if (argumentToken.Kind == TokenKind.Number && Next.Kind == TokenKind.Identifier)
                {
                    arguments.Add((argumentToken, null, ParseWindow()));
                }
                else
                {
                    arguments.Add((argumentToken, ParseOr(), null));
                }

                if (Current.Kind == TokenKind.Comma)
                {
                    _position++;
                    continue;
                }

                break;
            }
        }

        Expect(TokenKind.CloseParen, open, "`(`", "`,` or `)`");
        _depth--;

        var usage = function switch
        {
            ConditionFunction.Exists => "`exists` takes one attribute name, e.g. exists(email).",
            ConditionFunction.Count => "`count` takes an event type and an optional window, e.g. count(webinar_attended) or count(webinar_attended, 30 days).",
            _ => "`days_since` takes one attribute or event type name, e.g. days_since(last_contacted_at).",
        };
        var maxArguments = function == ConditionFunction.Count ? 2 : 1;
        if (arguments.Count == 0 || arguments.Count > maxArguments)
        {
            var at = arguments.Count == 0 ? nameToken : arguments[maxArguments].Token;
            throw Error(at, DiagnosticCodes.ConditionWrongArguments, string.Create(CultureInfo.InvariantCulture, $"Wrong number of arguments ({arguments.Count}): {usage}"));
        }

        var (firstToken, firstNode, _) = arguments[0];
        string name;
        bool isString;
        switch (firstNode)
        {
            case IdentifierNode identifier when !identifier.IsScore:
                name = identifier.Name;
                isString = false;
                break;
            case LiteralNode { Value.Kind: LeadValueKind.String } literal when function != ConditionFunction.Exists && literal.Value.AsString.Length > 0:
                name = literal.Value.AsString;
                isString = true;
                break;
            default:
                throw Error(firstToken, DiagnosticCodes.ConditionWrongArguments, $"Unexpected argument {firstToken.Describe(_text)}: {usage}");
        }

        CountWindow? window = null;
        if (arguments.Count == 2)
        {
            var (secondToken, _, secondWindow) = arguments[1];
            window = secondWindow ?? throw Error(secondToken, DiagnosticCodes.ConditionWrongArguments, $"Unexpected argument {secondToken.Describe(_text)}: the window must be a duration like 30 days. {usage}");
        }

        return new CallNode(function, name, isString, window, nameToken.Offset, firstToken.Offset);
    }

    private CountWindow ParseWindow()
    {
        var numberToken = Current;
        var unitToken = Next;
        _position += 2;
        if (unitToken.Text == "business")
        {
            throw Error(unitToken, DiagnosticCodes.ConditionInvalidDuration, "A `count` window is elapsed time before the evaluation instant; `business` durations are not allowed here.");
        }

        if (!CountWindow.TryParseUnit(unitToken.Text, out var unit))
        {
            throw Error(unitToken, DiagnosticCodes.ConditionInvalidDuration, $"Unknown duration unit `{unitToken.Text}`: use minutes, hours, days or weeks.");
        }

        const int maxAmount = 1_000_000;
        if (numberToken.Number < 0 || numberToken.Number != Math.Floor(numberToken.Number) || numberToken.Number > maxAmount)
        {
            throw Error(numberToken, DiagnosticCodes.ConditionInvalidDuration, string.Create(CultureInfo.InvariantCulture, $"Invalid duration amount {_text.Substring(numberToken.Offset, numberToken.Length)}: it must be a whole number from 0 to {maxAmount}."));
        }

        return new CountWindow((int)numberToken.Number, unit);
    }

    private ImmutableArray<Regex> CompilePatterns(ConditionNode right, bool any)
    {
        var literals = new List<LiteralNode>();
        if (!any && right is LiteralNode { Value.Kind: LeadValueKind.String } single)
        {
            literals.Add(single);
        }
        else if (any && right is ListNode list && list.Items.All(i => i is LiteralNode { Value.Kind: LeadValueKind.String }))
        {
            literals.AddRange(list.Items.Cast<LiteralNode>());
        }
        else
        {
            _context.Report(
                _text,
                right.Offset,
                DiagnosticCodes.ConditionPatternNotLiteral,
                DiagnosticSeverity.Error,
                any
                    ? "`matches any` needs a list of string literals, e.g. title matches any [\"(?i)vp\", \"(?i)chief\"]."
                    : "`matches` needs a string literal pattern, e.g. title matches \"(?i)\\b(vp|director)\\b\".");
            return ImmutableArray<Regex>.Empty;
        }

        var patterns = ImmutableArray.CreateBuilder<Regex>(literals.Count);
        foreach (var literal in literals)
        {
            // The non-backtracking engine matches in time linear in the input, with no timeout, so no answer depends on
            // the machine's load. It rejects what it cannot do in linear time (backreferences, lookarounds, atomic
            // groups, conditionals, balancing groups) or cannot build within its state limit (huge counted repetitions):
            // that is a load-time error, not a slow match.
            try
            {
                patterns.Add(new Regex(literal.Value.AsString, PatternOptions));
            }
            catch (NotSupportedException ex)
            {
                _context.Report(
                    _text,
                    literal.Offset,
                    DiagnosticCodes.ConditionRegexUnsupported,
                    DiagnosticSeverity.Error,
                    "`matches` runs regular expressions in linear time (no backtracking, no timeout), which rules out backreferences (\\1, \\k<name>), lookarounds ((?=…), (?!…), (?<=…), (?<!…)), atomic groups ((?>…)), conditionals ((?(…)…|…)), balancing groups, and counted repetitions so large that the pattern needs more than 10,000 states (such as .{1,50000}). The engine says: " + ex.Message);
            }
            catch (ArgumentException ex)
            {
                _context.Report(_text, literal.Offset, DiagnosticCodes.ConditionInvalidRegex, DiagnosticSeverity.Error, "Invalid regular expression: " + ex.Message);
            }
        }

        return patterns.Count == literals.Count ? patterns.MoveToImmutable() : ImmutableArray<Regex>.Empty;
    }

    private const RegexOptions PatternOptions = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private static LeadValue ScalarValue(ConditionToken token) => token.Kind switch
    {
        TokenKind.Number => LeadValue.FromNumber(token.Number),
        TokenKind.String => LeadValue.FromString(token.Text),
        TokenKind.True => LeadValue.FromBoolean(true),
        TokenKind.False => LeadValue.FromBoolean(false),
        _ => LeadValue.Null,
    };

    private static string UnknownFunctionMessage(string name)
    {
        var suggestion = DidYouMean.Find(name, FunctionNames);
        return $"Unknown function `{name}`: the functions are exists, count and days_since."
            + (suggestion is null ? string.Empty : $" Did you mean `{suggestion}`?");
    }

    private void Enter(ConditionToken token)
    {
        _depth++;
        if (_depth > MaxDepth)
        {
            throw Error(
                token,
                DiagnosticCodes.ConditionTooDeep,
                string.Create(CultureInfo.InvariantCulture, $"The condition nests deeper than the limit of {MaxDepth} levels (parentheses, lists, function calls and `not`)."));
        }
    }

    private void Expect(TokenKind kind, ConditionToken open, string openText, string expected)
    {
        if (Current.Kind == kind)
        {
            _position++;
            return;
        }

        if (Current.Kind == TokenKind.End)
        {
            var closeText = kind == TokenKind.CloseParen ? "`)`" : "`]`";
            throw Error(open, DiagnosticCodes.ConditionUnbalanced, $"Unbalanced {(kind == TokenKind.CloseParen ? "parentheses" : "brackets")}: this {openText} is never closed with {closeText}.");
        }

        throw Unexpected("expected " + expected);
    }

    private SyntaxErrorException Unexpected(string expectation)
    {
        if (Current.Kind == TokenKind.Identifier && _position > 0 && _tokens[_position - 1].Kind == TokenKind.Number
            && (CountWindow.TryParseUnit(Current.Text, out _) || Current.Text == "business"))
        {
            expectation = "a duration can only be the window of `count`, e.g. count(webinar_attended, 30 days)";
        }

        return Error(Current, DiagnosticCodes.ConditionUnexpectedToken, $"Unexpected {Current.Describe(_text)}: {expectation}.");
    }

    private SyntaxErrorException Error(ConditionToken token, string code, string message)
    {
        _context.Report(_text, token.Offset, code, DiagnosticSeverity.Error, message);
        return new SyntaxErrorException();
    }

    /// <summary>Unwinds the parser after a reported syntax error.</summary>
    private sealed class SyntaxErrorException : Exception
    {
    }
}
