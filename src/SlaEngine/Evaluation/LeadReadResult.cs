using System.Diagnostics.CodeAnalysis;

namespace SlaEngine.Evaluation;

/// <summary>The outcome of reading one lead: the snapshot, or a located error with a stable code.</summary>
public sealed record LeadReadResult
{
    private LeadReadResult(LeadSnapshot? lead, string? id, string? errorCode, string? errorMessage)
    {
        Lead = lead;
        Id = id;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>Gets the snapshot when the line was valid.</summary>
    public LeadSnapshot? Lead { get; }

    /// <summary>Gets the lead's id when it could be read, even from an invalid line.</summary>
    public string? Id { get; }

    /// <summary>Gets the error code (for example <c>SLA0703</c>) when the line was invalid.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the error message when the line was invalid: which field and why.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Gets a value indicating whether the line was a valid lead.</summary>
    [MemberNotNullWhen(true, nameof(Lead))]
    [MemberNotNullWhen(false, nameof(ErrorCode), nameof(ErrorMessage))]
    public bool Success => Lead is not null;

    internal static LeadReadResult Ok(LeadSnapshot lead) => new(lead, lead.Id, null, null);

    internal static LeadReadResult Fail(string? id, string code, string message) => new(null, id, code, message);
}
