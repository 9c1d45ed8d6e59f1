using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace SlaEngine.Conditions;

/// <summary>A comparison <c>left op right</c> or <c>left op any right</c>.</summary>
internal sealed class ComparisonNode : ConditionNode
{
    /// <summary>Initializes a new instance of the <see cref="ComparisonNode"/> class.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="any">Whether <c>any</c> follows the operator.</param>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand (a list when <paramref name="any"/>).</param>
    /// <param name="patterns">For <c>matches</c>: the compiled pattern (one, or one per list item with <c>any</c>).</param>
    /// <param name="offset">The offset of the left operand.</param>
    /// <param name="operatorOffset">The offset of the operator.</param>
    public ComparisonNode(
        ComparisonOperator op,
        bool any,
        ConditionNode left,
        ConditionNode right,
        ImmutableArray<Regex> patterns = default,
        int offset = 0,
        int operatorOffset = 0)
        : base(offset)
    {
        Operator = op;
        Any = any;
        Left = left;
        Right = right;
        Patterns = patterns.IsDefault ? ImmutableArray<Regex>.Empty : patterns;
        OperatorOffset = operatorOffset;
    }

    /// <summary>Gets the operator.</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>Gets a value indicating whether <c>any</c> follows the operator.</summary>
    public bool Any { get; }

    /// <summary>Gets the left operand.</summary>
    public ConditionNode Left { get; }

    /// <summary>Gets the right operand.</summary>
    public ConditionNode Right { get; }

    /// <summary>Gets the compiled patterns of <c>matches</c> (empty for other operators).</summary>
    public ImmutableArray<Regex> Patterns { get; }

    /// <summary>Gets the offset of the operator in the text.</summary>
    public int OperatorOffset { get; }

    /// <summary>Gets an operator as written in conditions.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The text.</returns>
    public static string TextOf(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.In => "in",
        ComparisonOperator.NotIn => "not in",
        ComparisonOperator.Contains => "contains",
        ComparisonOperator.StartsWith => "starts_with",
        ComparisonOperator.EndsWith => "ends_with",
        _ => "matches",
    };
}
