using System.Collections.Immutable;
using SlaEngine.Evaluation;

namespace SlaEngine.Monitor;

/// <summary>
/// The answer to a write (an upsert or an append): the lead's evaluation at the write and the transitions recorded with
/// it, or why the write was refused. Expected failures are values with a code, never exceptions.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MonitorWriteResult
{
    private MonitorWriteResult(string leadId, LeadEvaluation? evaluation, ImmutableArray<RecordedTransition> recorded, bool stored, string? code, string? message)
    {
        LeadId = leadId;
        Evaluation = evaluation;
        Recorded = recorded;
        Stored = stored;
        ErrorCode = code;
        ErrorMessage = message;
    }

    /// <summary>Gets the lead's id.</summary>
    public string LeadId { get; }

    /// <summary>
    /// Gets a value indicating whether the write was stored (durably, before this result was returned). A stored write
    /// may still carry a code: a lead whose policy is no longer loaded is stored and reported (<see cref="MonitorErrorCodes.PolicyNotLoaded"/>).
    /// </summary>
    public bool Stored { get; }

    /// <summary>Gets a value indicating whether the write was stored and the lead evaluated.</summary>
    public bool Success => Stored && Evaluation is not null;

    /// <summary>Gets the evaluation at the write's instant, or null when it was refused or the lead cannot be evaluated.</summary>
    public LeadEvaluation? Evaluation { get; }

    /// <summary>Gets the transitions recorded by this write, in feed order (empty when none were due or they were already recorded).</summary>
    public ImmutableArray<RecordedTransition> Recorded { get; }

    /// <summary>Gets the code of <see cref="MonitorErrorCodes"/> when the write was refused or the lead cannot be evaluated.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the message that goes with <see cref="ErrorCode"/>.</summary>
    public string? ErrorMessage { get; }

    internal static MonitorWriteResult Ok(string leadId, LeadEvaluation evaluation, ImmutableArray<RecordedTransition> recorded) =>
        new(leadId, evaluation, recorded, true, null, null);

    internal static MonitorWriteResult StoredWithProblem(string leadId, string code, string message) =>
        new(leadId, null, [], true, code, message);

    internal static MonitorWriteResult Refused(string leadId, string code, string message) =>
        new(leadId, null, [], false, code, message);
}
