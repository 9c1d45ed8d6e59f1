namespace SlaEngine.Policies;

/// <summary>A 1-based line and column in a policy file.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
internal readonly record struct SourcePosition(int Line, int Column);
