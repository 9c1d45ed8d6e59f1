using SlaEngine.Diagnostics;

namespace SlaEngine.Loading;

/// <summary>The codes a <see cref="YamlValueReader"/> reports with: those of a policy file, or those of a tests file.</summary>
internal sealed class YamlValueCodes
{
    private YamlValueCodes(string unknownKey, string missingKey, string wrongKind, string emptyValue)
    {
        UnknownKey = unknownKey;
        MissingKey = missingKey;
        WrongKind = wrongKind;
        EmptyValue = emptyValue;
    }

    /// <summary>Gets the codes of a policy file.</summary>
    public static YamlValueCodes Policy { get; } = new(DiagnosticCodes.UnknownKey, DiagnosticCodes.MissingKey, DiagnosticCodes.WrongNodeKind, DiagnosticCodes.EmptyValue);

    /// <summary>Gets the codes of a tests file.</summary>
    public static YamlValueCodes Tests { get; } = new(DiagnosticCodes.TestUnknownKey, DiagnosticCodes.TestMissingKey, DiagnosticCodes.TestWrongKind, DiagnosticCodes.TestWrongKind);

    /// <summary>Gets the code of a key that is not known.</summary>
    public string UnknownKey { get; }

    /// <summary>Gets the code of a required key that is missing.</summary>
    public string MissingKey { get; }

    /// <summary>Gets the code of a node of the wrong kind.</summary>
    public string WrongKind { get; }

    /// <summary>Gets the code of an empty value.</summary>
    public string EmptyValue { get; }
}
