using SlaEngine.Evaluation;
using SlaEngine.Conditions;

namespace SlaEngine.Conditions;

/// <summary>
/// The value semantics of the condition language: truth, equality, ordering and the string and list operators.
/// Every method is total: it never throws, whatever the values.
/// </summary>
internal static class ConditionSemantics
{
    /// <summary>Tells whether a value used as a condition is true: only the boolean <c>true</c> is.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is <c>true</c>.</returns>
    public static bool IsTrue(in LeadValue value) => value.Kind == LeadValueKind.Boolean && value.AsBoolean;

    /// <summary>
    /// Equality of two values: same kind required (mixed kinds are unequal); strings ordinal ignoring case,
    /// numbers numerically, lists item by item.
    /// </summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool ValuesEqual(in LeadValue left, in LeadValue right)
    {
        if (left.Kind != right.Kind)
        {
            return false;
        }

        switch (left.Kind)
        {
            case LeadValueKind.Null:
                return true;
            case LeadValueKind.Boolean:
                return left.AsBoolean == right.AsBoolean;
            case LeadValueKind.Number:
                return left.AsNumber == right.AsNumber;
            case LeadValueKind.String:
                return string.Equals(left.AsString, right.AsString, StringComparison.OrdinalIgnoreCase);
            default:
                var a = left.AsList;
                var b = right.AsList;
                if (a.Length != b.Length)
                {
                    return false;
                }

                for (var i = 0; i < a.Length; i++)
                {
                    if (!ValuesEqual(a[i], b[i]))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    /// <summary>
    /// A comparison with the literal <c>null</c>: <c>== null</c> tests for null, <c>!= null</c> for a value;
    /// every other operator is false.
    /// </summary>
    /// <param name="op">The operator.</param>
    /// <param name="value">The other operand.</param>
    /// <returns>The result.</returns>
    public static bool CompareWithNull(ComparisonOperator op, in LeadValue value) => op switch
    {
        ComparisonOperator.Equal => value.IsNull,
        ComparisonOperator.NotEqual => !value.IsNull,
        _ => false,
    };

    /// <summary>
    /// Applies an operator other than <c>matches</c> to two values. False when either is null (a comparison with
    /// null is false) and when the kinds do not fit the operator; <c>!=</c> of two non-null values of different
    /// kinds is true.
    /// </summary>
    /// <param name="op">The operator.</param>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>The result.</returns>
    public static bool Compare(ComparisonOperator op, in LeadValue left, in LeadValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return false;
        }

        switch (op)
        {
            case ComparisonOperator.Equal:
                return ValuesEqual(left, right);
            case ComparisonOperator.NotEqual:
                return !ValuesEqual(left, right);
            case ComparisonOperator.Less:
            case ComparisonOperator.LessOrEqual:
            case ComparisonOperator.Greater:
            case ComparisonOperator.GreaterOrEqual:
                return Order(op, left, right);
            case ComparisonOperator.In:
                return right.Kind == LeadValueKind.List && ListContains(right, left);
            case ComparisonOperator.NotIn:
                return right.Kind == LeadValueKind.List && !ListContains(right, left);
            case ComparisonOperator.Contains:
                if (left.Kind == LeadValueKind.List)
                {
                    return ListContains(left, right);
                }

                return left.Kind == LeadValueKind.String && right.Kind == LeadValueKind.String
                    && left.AsString.Contains(right.AsString, StringComparison.OrdinalIgnoreCase);
            case ComparisonOperator.StartsWith:
                return left.Kind == LeadValueKind.String && right.Kind == LeadValueKind.String
                    && left.AsString.StartsWith(right.AsString, StringComparison.OrdinalIgnoreCase);
            case ComparisonOperator.EndsWith:
                return left.Kind == LeadValueKind.String && right.Kind == LeadValueKind.String
                    && left.AsString.EndsWith(right.AsString, StringComparison.OrdinalIgnoreCase);
            default:
                return false;
        }
    }

    private static bool Order(ComparisonOperator op, in LeadValue left, in LeadValue right)
    {
        int order;
        if (left.Kind == LeadValueKind.Number && right.Kind == LeadValueKind.Number)
        {
            order = left.AsNumber.CompareTo(right.AsNumber);
        }
        else if (left.Kind == LeadValueKind.String && right.Kind == LeadValueKind.String)
        {
            order = string.CompareOrdinal(left.AsString, right.AsString);
        }
        else
        {
            return false;
        }

        return op switch
        {
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }

    private static bool ListContains(in LeadValue list, in LeadValue item)
    {
        // Null items never match: a comparison with null is false.
        foreach (var candidate in list.AsList)
        {
            if (!candidate.IsNull && ValuesEqual(candidate, item))
            {
                return true;
            }
        }

        return false;
    }
}
