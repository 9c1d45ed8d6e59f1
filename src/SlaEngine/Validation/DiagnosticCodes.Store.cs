namespace SlaEngine.Validation;

/// <summary>Stable diagnostic codes of the policy store (SLA0901-SLA0999): sources and active versions.</summary>
internal static partial class DiagnosticCodes
{
    /// <summary>SLA0901: Two sources define the same policy id and version.</summary>
    internal const string DuplicatePolicyVersion = "SLA0901";

    /// <summary>SLA0902: An active-version pin names a policy id that no source defines.</summary>
    internal const string PinnedPolicyNotFound = "SLA0902";

    /// <summary>SLA0903: An active-version pin names a version that the sources do not define.</summary>
    internal const string PinnedVersionNotFound = "SLA0903";

    /// <summary>SLA0904: A policy directory does not exist or cannot be listed.</summary>
    internal const string PolicyDirectoryUnreadable = "SLA0904";
}
