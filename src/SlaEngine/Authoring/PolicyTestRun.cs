using System.Collections.Immutable;
using SlaEngine.Diagnostics;

namespace SlaEngine.Authoring;

/// <summary>The outcome of running one tests file: every test's result and every diagnostic of the file.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PolicyTestRun
{
    internal PolicyTestRun(string sourceName, string? policyPath, bool runnable, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<PolicyTestResult> tests)
    {
        SourceName = sourceName;
        PolicyPath = policyPath;
        Runnable = runnable;
        Diagnostics = diagnostics;
        Tests = tests;
    }

    /// <summary>Gets the name of the tests file (the file of every diagnostic).</summary>
    public string SourceName { get; }

    /// <summary>Gets the policy path as resolved against the tests file, or <see langword="null"/> when it was not given.</summary>
    public string? PolicyPath { get; }

    /// <summary>
    /// Gets a value indicating whether the file could be run: it was read, is a valid tests document, and its policy
    /// loaded. When false, <see cref="Tests"/> is empty and <see cref="Diagnostics"/> says why.
    /// </summary>
    public bool Runnable { get; }

    /// <summary>
    /// Gets every diagnostic: problems of the tests file (located <c>file:line:col</c>, codes SLA0900–SLA0999 and the
    /// YAML codes SLA0001–SLA0011), and the policy's own diagnostics when it did not load. Errors first, then by position.
    /// </summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the results in file order.</summary>
    public ImmutableArray<PolicyTestResult> Tests { get; }

    /// <summary>Gets the number of tests that passed.</summary>
    public int Passed => Tests.Count(t => t.Passed);

    /// <summary>Gets the number of tests that failed (mismatches or errors).</summary>
    public int Failed => Tests.Count(t => !t.Passed);

    /// <summary>Gets a value indicating whether the file ran and every test passed.</summary>
    public bool Success => Runnable && Failed == 0;
}
