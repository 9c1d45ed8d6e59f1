namespace SlaEngine.Authoring;

/// <summary>One expected field of a policy test that the evaluation did not match.</summary>
public sealed record PolicyTestMismatch
{
    internal PolicyTestMismatch(string field, string expected, string actual, int line, int column)
    {
        Field = field;
        Expected = expected;
        Actual = actual;
        Line = line;
        Column = column;
    }

    /// <summary>Gets the field's path in the <c>evaluate</c> output, for example <c>milestones.first_touch.due</c> or <c>escalations[1].fired</c>.</summary>
    public string Field { get; init; }

    /// <summary>Gets the expected value as written in the tests file (a prefix for <c>reason^</c>).</summary>
    public string Expected { get; init; }

    /// <summary>Gets the actual value as the <c>evaluate</c> JSON prints it (<c>absent</c> when the field or milestone is missing).</summary>
    public string Actual { get; init; }

    /// <summary>Gets the 1-based line of the expected value in the tests file.</summary>
    public int Line { get; init; }

    /// <summary>Gets the 1-based column of the expected value in the tests file.</summary>
    public int Column { get; init; }
}
