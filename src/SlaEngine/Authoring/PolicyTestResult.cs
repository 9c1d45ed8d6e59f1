using System.Collections.Immutable;
using SlaEngine.Evaluation;
using SlaEngine.Diagnostics;

namespace SlaEngine.Authoring;

/// <summary>The outcome of one policy test: passed, or the mismatches and errors that made it fail.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PolicyTestResult
{
    internal PolicyTestResult(string name, int line, int column, LeadEvaluation? evaluation, ImmutableArray<PolicyTestMismatch> mismatches, ImmutableArray<Diagnostic> errors)
    {
        Name = name;
        Line = line;
        Column = column;
        Evaluation = evaluation;
        Mismatches = mismatches;
        Errors = errors;
    }

    /// <summary>Gets the test's name.</summary>
    public string Name { get; }

    /// <summary>Gets the 1-based line where the test starts in the tests file.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column where the test starts in the tests file.</summary>
    public int Column { get; }

    /// <summary>Gets a value indicating whether the test passed: no errors and every expected field matched.</summary>
    public bool Passed => Errors.IsEmpty && Mismatches.IsEmpty;

    /// <summary>Gets the evaluation of the test's lead, or <see langword="null"/> when the test could not be run.</summary>
    public LeadEvaluation? Evaluation { get; }

    /// <summary>Gets the expected fields that did not match, in the order they are written.</summary>
    public ImmutableArray<PolicyTestMismatch> Mismatches { get; }

    /// <summary>Gets the errors that kept the test from running (an invalid lead, an unknown key…); a test with errors fails.</summary>
    public ImmutableArray<Diagnostic> Errors { get; }
}
