using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Evaluation;
using SlaEngine.Conditions;

namespace SlaEngine.Conditions;

/// <summary>
/// Turns a checked condition tree into closures, once at load time. The closures read the scope and never
/// re-parse, never throw and allocate nothing on the common paths; each node runs at most once per evaluation.
/// </summary>
internal static class ConditionEmitter
{
    private static readonly LeadValue True = LeadValue.FromBoolean(true);
    private static readonly LeadValue False = LeadValue.FromBoolean(false);

    /// <summary>Compiles a node used as a condition.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The predicate.</returns>
    /// <param name="slots">The policy's attribute slots (attributes are then read by slot), or null to read them by name.</param>
    public static Func<IConditionScope, bool> EmitCondition(ConditionNode node, AttributeSlots? slots = null)
    {
        switch (node)
        {
            case LogicalNode logical:
                var operands = logical.Operands.Select(o => EmitCondition(o, slots)).ToArray();
                return logical.IsAnd ? scope => All(operands, scope) : scope => AnyOf(operands, scope);
            case NotNode not:
                var operand = EmitCondition(not.Operand, slots);
                return scope => !operand(scope);
            case ComparisonNode comparison:
                return EmitComparison(comparison, slots);
            case LiteralNode literal:
                var constant = ConditionSemantics.IsTrue(literal.Value);
                return _ => constant;
            case CallNode { Function: ConditionFunction.Exists } exists:
                var name = exists.Argument;
                var slot = slots?.SlotOf(name) ?? -1;
                return scope => !scope.GetAttribute(slot, name).IsNull;
            default:
                var value = EmitValue(node, slots);
                return scope => ConditionSemantics.IsTrue(value(scope));
        }
    }

    /// <summary>Compiles a node used as a value (an operand of a comparison).</summary>
    /// <param name="node">The node.</param>
    /// <returns>The value function.</returns>
    /// <param name="slots">The policy's attribute slots, or null to read attributes by name.</param>
    public static Func<IConditionScope, LeadValue> EmitValue(ConditionNode node, AttributeSlots? slots = null)
    {
        switch (node)
        {
            case LiteralNode literal:
                var constant = literal.Value;
                return _ => constant;
            case ListNode list:
                var listValue = list.Value;
                return _ => listValue;
            case IdentifierNode { IsScore: true }:
                return scope => double.IsFinite(scope.Score) ? LeadValue.FromNumber(scope.Score) : LeadValue.Null;
            case IdentifierNode identifier:
                var name = identifier.Name;
                var slot = slots?.SlotOf(name) ?? -1;
                return scope => scope.GetAttribute(slot, name);
            case CallNode call:
                return EmitCall(call, slots);
            default:
                var predicate = EmitCondition(node, slots);
                return scope => predicate(scope) ? True : False;
        }
    }

    /// <summary>Reads an ISO-8601 instant: <c>2026-11-20T15:30:00Z</c>, with an offset, or a date (midnight UTC).</summary>
    /// <param name="text">The text.</param>
    /// <param name="instant">The instant when it parses.</param>
    /// <returns>Whether it parsed.</returns>
    internal static bool TryParseInstant(string text, out Instant instant)
    {
        var offsetResult = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (offsetResult.Success)
        {
            instant = offsetResult.Value.ToInstant();
            return true;
        }

        var dateResult = LocalDatePattern.Iso.Parse(text);
        if (dateResult.Success)
        {
            instant = dateResult.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            return true;
        }

        instant = default;
        return false;
    }

    private static bool All(Func<IConditionScope, bool>[] operands, IConditionScope scope)
    {
        foreach (var operand in operands)
        {
            if (!operand(scope))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyOf(Func<IConditionScope, bool>[] operands, IConditionScope scope)
    {
        foreach (var operand in operands)
        {
            if (operand(scope))
            {
                return true;
            }
        }

        return false;
    }

    private static Func<IConditionScope, LeadValue> EmitCall(CallNode call, AttributeSlots? slots)
    {
        var name = call.Argument;
        switch (call.Function)
        {
            case ConditionFunction.Exists:
                var slot = slots?.SlotOf(name) ?? -1;
                return scope => scope.GetAttribute(slot, name).IsNull ? False : True;
            case ConditionFunction.Count:
                Duration? window = call.Window?.Duration;
                return scope => LeadValue.FromNumber(scope.CountEvents(name, window));
            default:
                return scope => DaysSince(scope, name);
        }
    }

    internal static LeadValue DaysSince(IConditionScope scope, string name)
    {
        Instant? from = null;
        var attribute = scope.GetAttribute(name);
        if (attribute.Kind == LeadValueKind.String && TryParseInstant(attribute.AsString, out var parsed))
        {
            from = parsed;
        }

        from ??= scope.LatestEvent(name);
        if (from is not { } instant)
        {
            return LeadValue.Null;
        }

        var days = (scope.At - instant).TotalDays;
        return double.IsFinite(days) ? LeadValue.FromNumber(days) : LeadValue.Null;
    }

    private static Func<IConditionScope, bool> EmitComparison(ComparisonNode node, AttributeSlots? slots)
    {
        var op = node.Operator;
        var left = EmitValue(node.Left, slots);
        var leftIsNull = node.Left is LiteralNode { Value.IsNull: true };

        if (op == ComparisonOperator.Matches)
        {
            var patterns = node.Patterns.ToArray();
            return scope =>
            {
                var value = left(scope);
                if (value.Kind != LeadValueKind.String)
                {
                    return false;
                }

                return MatchMemo.IsMatch(patterns, value.AsString);
            };
        }

        if (!node.Any)
        {
            var rightIsNull = node.Right is LiteralNode { Value.IsNull: true };
            if (rightIsNull)
            {
                return scope => ConditionSemantics.CompareWithNull(op, left(scope));
            }

            var right = EmitValue(node.Right, slots);
            if (leftIsNull)
            {
                return scope => ConditionSemantics.CompareWithNull(op, right(scope));
            }

            if (node.Right is LiteralNode or ListNode)
            {
                var constant = node.Right is LiteralNode literal ? literal.Value : ((ListNode)node.Right).Value;
                return scope => ConditionSemantics.Compare(op, left(scope), constant);
            }

            return scope => ConditionSemantics.Compare(op, left(scope), right(scope));
        }

        if (node.Right is ListNode list)
        {
            // Items of a list literal are constants; a `null` item is the literal null, so it tests for null.
            var items = list.Items.Select(i => i is LiteralNode literal ? literal.Value : ((ListNode)i).Value).ToArray();
            return scope =>
            {
                var value = left(scope);
                foreach (var item in items)
                {
                    if (CompareLiterals(op, value, leftIsNull, item, item.IsNull))
                    {
                        return true;
                    }
                }

                return false;
            };
        }

        var dynamicRight = EmitValue(node.Right, slots);
        return scope =>
        {
            var value = left(scope);
            var list = dynamicRight(scope);
            if (list.Kind != LeadValueKind.List)
            {
                return false;
            }

            foreach (var item in list.AsList)
            {
                if (CompareLiterals(op, value, leftIsNull, item, false))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private static bool CompareLiterals(ComparisonOperator op, in LeadValue left, bool leftIsNullLiteral, in LeadValue right, bool rightIsNullLiteral)
    {
        if (rightIsNullLiteral)
        {
            return ConditionSemantics.CompareWithNull(op, left);
        }

        if (leftIsNullLiteral)
        {
            return ConditionSemantics.CompareWithNull(op, right);
        }

        return ConditionSemantics.Compare(op, left, right);
    }
}
