using System.Globalization;
using System.Text;
using SlaEngine.Evaluation;
using SlaEngine.Conditions;

namespace SlaEngine.Conditions;

/// <summary>
/// Prints a condition tree in canonical form: single spaces, double-quoted strings, parentheses only where
/// precedence needs them (and around <c>not</c> as a comparison operand). The text parses back to the same tree.
/// </summary>
internal static class ConditionPrinter
{
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int NotLevel = 3;
    private const int ComparisonLevel = 4;
    private const int PrimaryLevel = 5;

    /// <summary>Prints a node.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The canonical text.</returns>
    public static string Print(ConditionNode node)
    {
        var builder = new StringBuilder();
        Append(builder, node, OrLevel);
        return builder.ToString();
    }

    /// <summary>Formats a literal value as the language writes it.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string FormatLiteral(LeadValue value)
    {
        var builder = new StringBuilder();
        AppendValue(builder, value);
        return builder.ToString();
    }

    private static int LevelOf(ConditionNode node) => node switch
    {
        LogicalNode logical => logical.IsAnd ? AndLevel : OrLevel,
        ComparisonNode => ComparisonLevel,
        NotNode => NotLevel,
        _ => PrimaryLevel,
    };

    private static void Append(StringBuilder builder, ConditionNode node, int minimumLevel)
    {
        var parenthesize = LevelOf(node) < minimumLevel;
        if (parenthesize)
        {
            builder.Append('(');
        }

        switch (node)
        {
            case LogicalNode logical:
                for (var i = 0; i < logical.Operands.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(logical.IsAnd ? " and " : " or ");
                    }

                    Append(builder, logical.Operands[i], logical.IsAnd ? NotLevel : AndLevel);
                }

                break;
            case ComparisonNode comparison:
                Append(builder, comparison.Left, PrimaryLevel);
                builder.Append(' ').Append(ComparisonNode.TextOf(comparison.Operator)).Append(' ');
                if (comparison.Any)
                {
                    builder.Append("any ");
                }

                Append(builder, comparison.Right, PrimaryLevel);
                break;
            case NotNode not:
                builder.Append("not ");
                Append(builder, not.Operand, NotLevel);
                break;
            case LiteralNode literal:
                AppendValue(builder, literal.Value);
                break;
            case ListNode list:
                AppendValue(builder, list.Value);
                break;
            case IdentifierNode identifier:
                builder.Append(identifier.Name);
                break;
            case CallNode call:
                builder.Append(call.FunctionName).Append('(');
                if (call.ArgumentIsString)
                {
                    AppendString(builder, call.Argument);
                }
                else
                {
                    builder.Append(call.Argument);
                }

                if (call.Window is { } window)
                {
                    builder.Append(", ").Append(window.ToString());
                }

                builder.Append(')');
                break;
        }

        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    private static void AppendValue(StringBuilder builder, LeadValue value)
    {
        switch (value.Kind)
        {
            case LeadValueKind.Null:
                builder.Append("null");
                break;
            case LeadValueKind.Boolean:
                builder.Append(value.AsBoolean ? "true" : "false");
                break;
            case LeadValueKind.Number:
                builder.Append(value.AsNumber.ToString("R", CultureInfo.InvariantCulture));
                break;
            case LeadValueKind.String:
                AppendString(builder, value.AsString);
                break;
            default:
                builder.Append('[');
                var first = true;
                foreach (var item in value.AsList)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    AppendValue(builder, item);
                }

                builder.Append(']');
                break;
        }
    }

    private static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            if (c is '\\' or '"')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append('"');
    }
}
