namespace SlaEngine.Authoring;

/// <summary>One expected field of a policy test that the evaluation did not match.</summary>
/// <param name="Field">The field's path in the <c>evaluate</c> output, for example <c>milestones.first_touch.due</c> or <c>escalations[1].fired</c>.</param>
/// <param name="Expected">The expected value as written in the tests file (a prefix for <c>reason^</c>).</param>
/// <param name="Actual">The actual value as the <c>evaluate</c> JSON prints it (<c>absent</c> when the field or milestone is missing).</param>
/// <param name="Line">The 1-based line of the expected value in the tests file.</param>
/// <param name="Column">The 1-based column of the expected value in the tests file.</param>
public sealed record PolicyTestMismatch(string Field, string Expected, string Actual, int Line, int Column);
