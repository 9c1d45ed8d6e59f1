using SlaEngine.Diagnostics;

namespace SlaEngine.Import;

/// <summary>The one place this package creates a core <see cref="Diagnostic"/>.</summary>
internal static class ImportDiagnostic
{
    /// <summary>
    /// The core creates diagnostics itself (its constructor is internal) but <see cref="Diagnostic"/> is a record with
    /// public <c>init</c> properties, so a copy made with <c>with</c> is the public way to derive one. The template is
    /// the diagnostic the core gives for an empty policy; every property is replaced.
    /// </summary>
    private static readonly Diagnostic Template =
        PolicyLoader.TryLoad(string.Empty, "template").Diagnostics.FirstOrDefault()
        ?? throw new InvalidOperationException("The core reported no diagnostic for an empty policy.");

    public static Diagnostic Create(string code, DiagnosticSeverity severity, string message, string file, int line, int column) =>
        Template with { Code = code, Severity = severity, Message = message, File = file, Line = line, Column = column };
}
