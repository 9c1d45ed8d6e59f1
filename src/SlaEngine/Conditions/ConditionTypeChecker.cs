using SlaEngine.Evaluation;
using SlaEngine.Diagnostics;
using SlaEngine.Conditions;

namespace SlaEngine.Conditions;

/// <summary>
/// Checks a parsed condition: <c>score</c> where it is not allowed, and, against the declared fields, unknown
/// identifiers, type mismatches and enum values. Without fields, the mismatches it can still see (literals,
/// function results, <c>score</c>) are warnings.
/// </summary>
internal sealed class ConditionTypeChecker
{
    private readonly string _text;
    private readonly ConditionCompileContext _context;
    private readonly DiagnosticSeverity _mismatchSeverity;

    private ConditionTypeChecker(string text, ConditionCompileContext context)
    {
        _text = text;
        _context = context;
        _mismatchSeverity = context.Fields is null ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
    }

    private enum Kind
    {
        Unknown,
        Null,
        Boolean,
        Number,
        String,
        Enum,
        Instant,
        List,
    }

    /// <summary>Checks a condition and reports what it finds.</summary>
    /// <param name="text">The condition text.</param>
    /// <param name="root">The parsed condition.</param>
    /// <param name="context">Where diagnostics are reported.</param>
    public static void Check(string text, ConditionNode root, ConditionCompileContext context) =>
        new ConditionTypeChecker(text, context).CheckCondition(root);

    private void CheckCondition(ConditionNode node)
    {
        switch (node)
        {
            case LogicalNode logical:
                foreach (var operand in logical.Operands)
                {
                    CheckCondition(operand);
                }

                break;
            case NotNode not:
                CheckCondition(not.Operand);
                break;
            case ComparisonNode comparison:
                CheckComparison(comparison);
                break;
            default:
                var type = TypeOf(node);
                if (type.Kind is not (Kind.Unknown or Kind.Boolean))
                {
                    Mismatch(node.Offset, $"{Describe(node, type)}, so it cannot stand alone as a condition: a value used as a condition is true only when it is `true`.{Hint(node, type)}");
                }

                break;
        }
    }

    private StaticType TypeOf(ConditionNode node)
    {
        switch (node)
        {
            case LiteralNode literal:
                return new StaticType(literal.Value.Kind switch
                {
                    LeadValueKind.Null => Kind.Null,
                    LeadValueKind.Boolean => Kind.Boolean,
                    LeadValueKind.Number => Kind.Number,
                    _ => Kind.String,
                });
            case ListNode:
                return new StaticType(Kind.List);
            case IdentifierNode identifier:
                return TypeOfIdentifier(identifier);
            case CallNode call:
                return TypeOfCall(call);
            default:
                CheckCondition(node);
                return new StaticType(Kind.Boolean);
        }
    }

    private StaticType TypeOfIdentifier(IdentifierNode identifier)
    {
        if (identifier.IsScore)
        {
            if (!_context.AllowScore)
            {
                _context.Report(_text, identifier.Offset, DiagnosticCodes.ConditionScoreNotAllowed, DiagnosticSeverity.Error, "`score` cannot be used here: in a scoring rule the score would depend on itself.");
            }

            return new StaticType(Kind.Number);
        }

        var fields = _context.Fields;
        if (fields is null)
        {
            return new StaticType(Kind.Unknown);
        }

        if (fields.TryGet(identifier.Name, out var field))
        {
            return FromField(field, identifier.Name);
        }

        var suggestion = DidYouMean.Find(identifier.Name, fields.Fields.Keys.Append(IdentifierNode.ScoreName));
        _context.Report(
            _text,
            identifier.Offset,
            DiagnosticCodes.ConditionUnknownIdentifier,
            DiagnosticSeverity.Error,
            $"Unknown field `{identifier.Name}`: it is not declared in `fields`." + (suggestion is null ? string.Empty : $" Did you mean `{suggestion}`?"));
        return new StaticType(Kind.Unknown);
    }

    private bool IsPresenceTest(ComparisonNode node) =>
        !node.Any
        && node.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual
        && ((node.Left is IdentifierNode { IsScore: false } && node.Right is LiteralNode { Value.IsNull: true })
            || (node.Right is IdentifierNode { IsScore: false } && node.Left is LiteralNode { Value.IsNull: true }));

    private StaticType TypeOfCall(CallNode call)
    {
        var fields = _context.Fields;
        switch (call.Function)
        {
            case ConditionFunction.Exists:
                // A presence test: it may name attributes that `fields` does not declare.
                return new StaticType(Kind.Boolean);
            case ConditionFunction.DaysSince:
                // A name that is not a declared field is an event type; a declared one must hold an instant.
                if (fields is not null && fields.TryGet(call.Argument, out var field) && field.Kind is not (FieldKind.Instant or FieldKind.String))
                {
                    Mismatch(call.ArgumentOffset, $"`days_since` needs an instant field or an event type, but `{call.Argument}` is declared as {field}.");
                }

                return new StaticType(Kind.Number);
            default:
                return new StaticType(Kind.Number);
        }
    }

    private void CheckComparison(ComparisonNode node)
    {
        var op = node.Operator;
        if (IsPresenceTest(node))
        {
            // `x == null` / `x != null` only test whether the lead carries the attribute at all: they may name
            // attributes that `fields` does not declare (honeypot form fields, `duplicate_of` markers…).
            return;
        }

        var left = TypeOf(node.Left);
        if (node.Any)
        {
            if (node.Right is ListNode list)
            {
                foreach (var item in list.Items)
                {
                    CheckPair(node, left, node.Left, TypeOf(item), item);
                }

                return;
            }

            var rightType = TypeOf(node.Right);
            if (rightType.Kind is not (Kind.Unknown or Kind.List))
            {
                Mismatch(node.Right.Offset, $"`{ComparisonNode.TextOf(op)} any` needs a list on its right, but {Describe(node.Right, rightType)}.");
            }

            return;
        }

        var right = TypeOf(node.Right);
        CheckPair(node, left, node.Left, right, node.Right);
    }

    private void CheckPair(ComparisonNode node, StaticType left, ConditionNode leftNode, StaticType right, ConditionNode rightNode)
    {
        var op = node.Operator;
        var opText = ComparisonNode.TextOf(op);
        switch (op)
        {
            case ComparisonOperator.Equal:
            case ComparisonOperator.NotEqual:
                CheckEquality(node, left, leftNode, right, rightNode);
                return;
            case ComparisonOperator.In:
            case ComparisonOperator.NotIn:
                if (rightNode is ListNode list)
                {
                    foreach (var item in list.Items)
                    {
                        CheckEquality(node, left, leftNode, TypeOf(item), item);
                    }
                }
                else if (right.Kind is not (Kind.Unknown or Kind.List))
                {
                    Mismatch(node.OperatorOffset, $"`{opText}` needs a list on its right, but {Describe(rightNode, right)}.");
                }

                return;
            case ComparisonOperator.Contains:
                if (left.Kind == Kind.List || left.Kind == Kind.Unknown && right.Kind != Kind.Null)
                {
                    return;
                }

                if (!IsStringLike(left) || !(IsStringLike(right) || right.Kind == Kind.Unknown))
                {
                    Mismatch(node.OperatorOffset, $"`contains` needs a string or a list on its left and a string on its right, but {Describe(leftNode, left)} and {Describe(rightNode, right)}.");
                }

                return;
            case ComparisonOperator.StartsWith:
            case ComparisonOperator.EndsWith:
            case ComparisonOperator.Matches:
                if (!(IsStringLike(left) || left.Kind == Kind.Unknown) || !(IsStringLike(right) || right.Kind == Kind.Unknown))
                {
                    Mismatch(node.OperatorOffset, $"`{opText}` compares strings, but {Describe(leftNode, left)} and {Describe(rightNode, right)}.");
                }

                return;
            default:
                var leftOrdered = left.Kind is Kind.Unknown or Kind.Number || IsStringLike(left);
                var rightOrdered = right.Kind is Kind.Unknown or Kind.Number || IsStringLike(right);
                if (!leftOrdered || !rightOrdered || (left.Kind != Kind.Unknown && right.Kind != Kind.Unknown && Category(left) != Category(right)))
                {
                    Mismatch(node.OperatorOffset, $"`{opText}` orders two numbers or two strings, but {Describe(leftNode, left)} and {Describe(rightNode, right)}; the comparison would always be false.");
                }

                return;
        }
    }

    private void CheckEquality(ComparisonNode node, StaticType left, ConditionNode leftNode, StaticType right, ConditionNode rightNode)
    {
        if (left.Kind is Kind.Null or Kind.Unknown || right.Kind is Kind.Null or Kind.Unknown)
        {
            CheckEnumLiteral(left, rightNode);
            CheckEnumLiteral(right, leftNode);
            return;
        }

        if (Category(left) != Category(right))
        {
            var opText = ComparisonNode.TextOf(node.Operator);
            Mismatch(node.OperatorOffset, $"`{opText}` compares values of the same type, but {Describe(leftNode, left)} and {Describe(rightNode, right)}; values of different types are never equal.");
            return;
        }

        CheckEnumLiteral(left, rightNode);
        CheckEnumLiteral(right, leftNode);
    }

    private void CheckEnumLiteral(StaticType type, ConditionNode other)
    {
        if (type.Kind != Kind.Enum || type.Field is null || other is not LiteralNode { Value.Kind: LeadValueKind.String } literal)
        {
            return;
        }

        var value = literal.Value.AsString;
        if (!type.Field.AllowsEnumValue(value))
        {
            var suggestion = DidYouMean.Find(value, type.Field.EnumValues);
            _context.Report(
                _text,
                literal.Offset,
                DiagnosticCodes.ConditionNotInEnum,
                DiagnosticSeverity.Error,
                $"\"{value}\" is not a value of `{type.Name}`; its values are: {string.Join(", ", type.Field.EnumValues)}."
                    + (suggestion is null ? string.Empty : $" Did you mean \"{suggestion}\"?"));
        }
    }

    private void Mismatch(int offset, string message) =>
        _context.Report(_text, offset, DiagnosticCodes.ConditionTypeMismatch, _mismatchSeverity, message);

    private static bool IsStringLike(StaticType type) => type.Kind is Kind.String or Kind.Enum or Kind.Instant;

    private static Kind Category(StaticType type) => IsStringLike(type) ? Kind.String : type.Kind;

    private static StaticType FromField(FieldType field, string name) => new(
        field.Kind switch
        {
            FieldKind.Number => Kind.Number,
            FieldKind.String => Kind.String,
            FieldKind.Boolean => Kind.Boolean,
            FieldKind.Enum => Kind.Enum,
            FieldKind.Instant => Kind.Instant,
            _ => Kind.List,
        },
        field,
        name);

    private static string KindName(Kind kind) => kind switch
    {
        Kind.Null => "null",
        Kind.Boolean => "a bool",
        Kind.Number => "a number",
        Kind.String => "a string",
        Kind.Enum => "an enum",
        Kind.Instant => "an instant",
        Kind.List => "a list",
        _ => "of unknown type",
    };

    private string Describe(ConditionNode node, StaticType type) => node switch
    {
        IdentifierNode identifier => $"`{identifier.Name}` is {KindName(type.Kind)}",
        CallNode call => $"`{call.FunctionName}(…)` gives {KindName(type.Kind)}",
        LiteralNode { Value.IsNull: true } => "one side is `null`",
        LiteralNode or ListNode => $"{Shorten(node)} is {KindName(type.Kind)}",
        _ => $"`({Shorten(node).Trim('`')})` is {KindName(type.Kind)}",
    };

    private string Shorten(ConditionNode node)
    {
        var text = ConditionPrinter.Print(node);
        return "`" + (text.Length <= 40 ? text : text[..40] + "…") + "`";
    }

    private static string Hint(ConditionNode node, StaticType type)
    {
        if (node is not (IdentifierNode or CallNode))
        {
            return string.Empty;
        }

        var subject = ConditionPrinter.Print(node);
        var example = type.Kind switch
        {
            Kind.Number => subject + " > 0",
            Kind.List => subject + " contains \"x\"",
            Kind.String or Kind.Enum or Kind.Instant => subject + " == \"x\"",
            _ => "exists(" + subject + ")",
        };
        return $" Compare it instead, e.g. `{example}`.";
    }

    private readonly record struct StaticType(Kind Kind, FieldType? Field = null, string? Name = null);
}
