namespace SlaEngine.Conditions;

/// <summary>
/// Compiles condition text (reference in <c>docs/conditions.md</c>): tokenize, parse, check, then turn into
/// closures. Errors and warnings go to <see cref="ConditionCompileContext.Diagnostics"/>, located in the policy file.
/// </summary>
internal static class ConditionCompiler
{
    /// <summary>Compiles a condition.</summary>
    /// <param name="text">The condition text.</param>
    /// <param name="context">Where the text is, how strictly to check it, and where diagnostics go.</param>
    /// <returns>The condition, or <see langword="null"/> when errors were reported (warnings do not stop it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="context"/> is null.</exception>
    public static Condition? Compile(string text, ConditionCompileContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);

        var errorsBefore = CountErrors(context);
        if (!ConditionTokenizer.TryTokenize(text, context, out var tokens))
        {
            return null;
        }

        var root = ConditionParser.Parse(text, tokens, context);
        if (root is null)
        {
            return null;
        }

        ConditionTypeChecker.Check(text, root, context);
        return CountErrors(context) > errorsBefore ? null : new Condition(text, root, context.Slots);
    }

    private static int CountErrors(ConditionCompileContext context)
    {
        var count = 0;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.IsError)
            {
                count++;
            }
        }

        return count;
    }
}
