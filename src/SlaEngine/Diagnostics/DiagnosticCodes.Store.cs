namespace SlaEngine.Diagnostics;

/// <summary>Stable diagnostic codes of the policy store (SLA0150-SLA0199): sources and active versions.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>SLA0151: Two sources define the same policy id and version.</summary>
    public const string DuplicatePolicyVersion = "SLA0151";

    /// <summary>SLA0152: An active-version pin names a policy id that no source defines.</summary>
    public const string PinnedPolicyNotFound = "SLA0152";

    /// <summary>SLA0153: An active-version pin names a version that the sources do not define.</summary>
    public const string PinnedVersionNotFound = "SLA0153";

    /// <summary>SLA0154: A policy directory does not exist or cannot be listed.</summary>
    public const string PolicyDirectoryUnreadable = "SLA0154";
}
