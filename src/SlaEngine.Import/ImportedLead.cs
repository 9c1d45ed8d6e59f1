using System.Diagnostics.CodeAnalysis;
using SlaEngine.Evaluation;
using SlaEngine.Diagnostics;

namespace SlaEngine.Import;

/// <summary>
/// One row of the leads file, imported: the snapshot with its touches and events joined in, or the located error that
/// kept the row from being read (for example <c>leads.csv:412:7: error SLA1832: …</c>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ImportedLead
{
    private ImportedLead(LeadSnapshot? lead, string? id, Diagnostic? error, int line)
    {
        Lead = lead;
        Id = id;
        Error = error;
        Line = line;
    }

    /// <summary>Gets the snapshot when the row was read.</summary>
    public LeadSnapshot? Lead { get; }

    /// <summary>Gets the lead id when it could be read, even from a row with an error.</summary>
    public string? Id { get; }

    /// <summary>Gets the error (code, message, file, line and CSV column) when the row could not be read.</summary>
    public Diagnostic? Error { get; }

    /// <summary>Gets the 1-based line of the leads file where the row starts.</summary>
    public int Line { get; }

    /// <summary>Gets a value indicating whether the row was read.</summary>
    [MemberNotNullWhen(true, nameof(Lead), nameof(Id))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Lead is not null;

    internal static ImportedLead Ok(LeadSnapshot lead, int line) => new(lead, lead.Id, null, line);

    internal static ImportedLead Fail(string? id, Diagnostic error, int line) => new(null, id, error, line);
}
