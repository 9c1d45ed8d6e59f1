using SlaEngine.Diagnostics;

namespace SlaEngine.Import;

/// <summary>The one place this package creates a core <see cref="Diagnostic"/>.</summary>
internal static class ImportDiagnostic
{
    public static Diagnostic Create(string code, DiagnosticSeverity severity, string message, string file, int line, int column) =>
        new(code, severity, message, file, line, column);
}
