namespace SlaEngine.Conditions;

/// <summary>One token of a condition.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Offset">The offset of its first character in the condition text.</param>
/// <param name="Length">Its length in the text.</param>
/// <param name="Text">Its text; for a string literal, the unescaped value.</param>
/// <param name="Number">For a number literal, its value.</param>
internal readonly record struct ConditionToken(TokenKind Kind, int Offset, int Length, string Text, double Number = 0)
{
    /// <summary>Describes the token for error messages, e.g. <c>`)`</c> or <c>the end of the condition</c>.</summary>
    /// <param name="source">The condition text.</param>
    /// <returns>The description.</returns>
    public string Describe(string source) => Kind switch
    {
        TokenKind.End => "the end of the condition",
        TokenKind.String => "string " + source.Substring(Offset, Math.Min(Length, 40)) + (Length > 40 ? "…" : string.Empty),
        _ => "`" + source.Substring(Offset, Math.Min(Length, 40)) + "`",
    };
}
