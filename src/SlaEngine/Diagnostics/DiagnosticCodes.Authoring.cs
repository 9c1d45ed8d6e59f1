namespace SlaEngine.Diagnostics;

/// <summary>
/// Stable diagnostic codes. This part: policy test files (SLA0900–SLA0999), listed in <c>docs/authoring.md</c>.
/// YAML problems of a tests file (syntax, limits, duplicate keys) keep the loader's codes (SLA0001–SLA0011).
/// </summary>
public static partial class DiagnosticCodes
{
    /// <summary>SLA0901: The tests file cannot be read.</summary>
    public const string TestFileUnreadable = "SLA0901";

    /// <summary>SLA0902: A key of a tests file, a test, a lead or an expectation is not known (with a "did you mean" hint).</summary>
    public const string TestUnknownKey = "SLA0902";

    /// <summary>SLA0903: A required key is missing (<c>policy</c>, <c>tests</c>, a test's <c>name</c>, <c>at</c>, <c>lead</c> or <c>expect</c>).</summary>
    public const string TestMissingKey = "SLA0903";

    /// <summary>SLA0904: A value has the wrong shape (a mapping, a list or a single value was expected).</summary>
    public const string TestWrongKind = "SLA0904";

    /// <summary>SLA0905: The policy the tests name cannot be loaded (its own diagnostics are reported too).</summary>
    public const string TestPolicyNotLoaded = "SLA0905";

    /// <summary>SLA0906: An instant (<c>at</c>, <c>mql_at</c>, a touch's <c>at</c>…) is not ISO-8601 with <c>Z</c> or an offset.</summary>
    public const string TestInvalidInstant = "SLA0906";

    /// <summary>SLA0907: A lead value is invalid (an unknown disposition outcome, a pause ending before it starts, a pinned tier or team the policy does not define, a nested mapping as an attribute).</summary>
    public const string TestInvalidLead = "SLA0907";

    /// <summary>SLA0908: An expected value cannot be compared with that field (for example a list where a single value belongs).</summary>
    public const string TestInvalidExpectation = "SLA0908";

    /// <summary>SLA0909: Two tests in the same file have the same name.</summary>
    public const string TestDuplicateName = "SLA0909";

    /// <summary>SLA0910: Warning: the tests file lists no tests.</summary>
    public const string NoTests = "SLA0910";

    /// <summary>SLA0911: Evaluating the test's lead failed (for example a deadline outside the calendar's supported years).</summary>
    public const string TestEvaluationFailed = "SLA0911";
}
