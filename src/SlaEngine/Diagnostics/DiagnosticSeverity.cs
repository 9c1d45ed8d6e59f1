namespace SlaEngine.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Reported, but the policy still loads.</summary>
    Warning,

    /// <summary>The policy does not load.</summary>
    Error,
}
