namespace SlaEngine.Diagnostics;

/// <summary>
/// Stable diagnostic codes. This part: lint warnings (SLA0600–SLA0699), computed from a compiled policy by the linter
/// and listed in <c>docs/authoring.md</c>. Lint findings are always warnings: the policy loads and evaluates as written.
/// </summary>
public static partial class DiagnosticCodes
{
    /// <summary>SLA0601: A trigger has the same condition as an exclusion: every lead it matches is excluded first, so it never fires.</summary>
    public const string TriggerShadowedByExclusion = "SLA0601";

    /// <summary>SLA0602: A band lies entirely outside the values its <c>by</c> can take (a rank outside 0–100, a score outside what the scoring rules can add up to).</summary>
    public const string BandOutOfRange = "SLA0602";

    /// <summary>SLA0603: A routing rule follows a rule that always matches (<c>when: 'true'</c>), so it is never reached.</summary>
    public const string UnreachableRoutingRule = "SLA0603";

    /// <summary>SLA0604: A tier's cadence steps add up to more than its <c>complete_within</c> on a calendar it is routed to.</summary>
    public const string CadenceExceedsCompleteWithin = "SLA0604";

    /// <summary>SLA0605: An escalation rung comes later than the deadline of the first touch it escalates.</summary>
    public const string EscalationAfterDeadline = "SLA0605";

    /// <summary>SLA0606: No band and no trigger sets a tier, so no lead can get it (except by an <c>assigned</c> pin).</summary>
    public const string UnusedTier = "SLA0606";

    /// <summary>SLA0607: A calendar is open fewer than 10 hours a week.</summary>
    public const string FewOpenHours = "SLA0607";

    /// <summary>SLA0608: A holiday always falls on a day the calendar is closed anyway, so it closes nothing.</summary>
    public const string HolidayOnClosedDay = "SLA0608";
}
