using System.Collections.Immutable;
using System.Text;
using SlaEngine.Policies;
using SlaEngine.Compilation;
using SlaEngine.Diagnostics;

namespace SlaEngine;

/// <summary>
/// Loads SLA policies from YAML: parses, validates (collecting every problem with its <c>file:line:column</c>) and
/// compiles them into an immutable <see cref="SlaPolicy"/>.
/// </summary>
/// <remarks>
/// Untrusted input is handled safely: documents over 1 MiB, nesting deeper than 64 levels, alias expansion beyond
/// 10,000 nodes and YAML type tags are rejected, and no .NET type is ever instantiated from the YAML. The loader is
/// stateless and thread-safe; loading the same text twice gives equivalent policies.
/// </remarks>
public static class PolicyLoader
{
    /// <summary>The source name used when none is given.</summary>
    public const string DefaultSourceName = "policy.yaml";

    /// <summary>Loads a policy from YAML text.</summary>
    /// <param name="yaml">The YAML text of one policy document.</param>
    /// <param name="sourceName">The name used as the file of every diagnostic.</param>
    /// <returns>The compiled policy; its <see cref="SlaPolicy.Warnings"/> hold any warnings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="yaml"/> or <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="PolicyValidationException">The policy has errors; the exception carries every diagnostic.</exception>
    public static SlaPolicy Load(string yaml, string sourceName = DefaultSourceName)
    {
        var result = TryLoad(yaml, sourceName);
        return result.Policy ?? throw new PolicyValidationException(result.Diagnostics);
    }

    /// <summary>Loads a policy from a YAML file (UTF-8).</summary>
    /// <param name="path">The file path; it is also the file of every diagnostic.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="PolicyValidationException">The file cannot be read or the policy has errors.</exception>
    public static SlaPolicy LoadFile(string path)
    {
        var result = TryLoadFile(path);
        return result.Policy ?? throw new PolicyValidationException(result.Diagnostics);
    }

    /// <summary>Loads a policy from YAML text without throwing for bad input.</summary>
    /// <param name="yaml">The YAML text of one policy document.</param>
    /// <param name="sourceName">The name used as the file of every diagnostic.</param>
    /// <returns>The result: the policy when it has no errors, and every diagnostic (errors first, then warnings, by position).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="yaml"/> or <paramref name="sourceName"/> is null.</exception>
    public static PolicyLoadResult TryLoad(string yaml, string sourceName = DefaultSourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Result(PolicyCompiler.Compile(yaml, sourceName));
    }

    /// <summary>Loads a policy from a YAML file without throwing for bad input; I/O errors become diagnostics.</summary>
    /// <param name="path">The file path; it is also the file of every diagnostic.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static PolicyLoadResult TryLoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > 4L * 1024 * 1024)
            {
                // Far over the 1 MiB limit whatever the encoding: do not read it at all.
                return Result(PolicyCompiler.FileError(path, DiagnosticCodes.DocumentTooLarge, "the document is larger than 1048576 bytes (1 MiB); it was not read"));
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return Result(PolicyCompiler.FileError(path, DiagnosticCodes.FileReadError, "cannot read the policy file: " + ex.Message));
        }

        return Result(PolicyCompiler.Compile(text, path));
    }

    private static PolicyLoadResult Result((SlaPolicy? Policy, ImmutableArray<Diagnostic> Diagnostics) compiled) =>
        new(compiled.Policy, compiled.Diagnostics);
}
