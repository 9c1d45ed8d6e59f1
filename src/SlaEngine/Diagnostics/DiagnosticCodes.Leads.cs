namespace SlaEngine.Diagnostics;

/// <summary>Stable diagnostic codes. This part: lead snapshots and command input (SLA0700–SLA0799).</summary>
internal static partial class DiagnosticCodes
{
    /// <summary>A lead line is not a JSON object (syntax error, truncated line, invalid UTF-8, blank line).</summary>
    internal const string LeadMalformedJson = "SLA0701";

    /// <summary>A lead field has the wrong JSON type (for example <c>touches</c> not an array).</summary>
    internal const string LeadWrongType = "SLA0702";

    /// <summary>A lead instant is not ISO-8601 with <c>Z</c> or an offset.</summary>
    internal const string LeadInvalidInstant = "SLA0703";

    /// <summary>A disposition outcome is not <c>convert</c>, <c>defer</c> or <c>recycle</c>.</summary>
    internal const string LeadInvalidOutcome = "SLA0704";

    /// <summary>A pinned (<c>assigned</c>) tier or team is not defined by the policy.</summary>
    internal const string LeadUnknownAssignment = "SLA0705";

    /// <summary>A lead is missing a required field (<c>id</c>, or a touch's <c>channel</c>/<c>at</c>…).</summary>
    internal const string LeadMissingField = "SLA0706";

    /// <summary>A lead value is out of range (a number that is not finite, a paused interval ending before it starts, a string over the size limit).</summary>
    internal const string LeadValueOutOfRange = "SLA0707";

    /// <summary>Evaluating a lead failed unexpectedly; the lead is reported with this code and every other lead is still evaluated.</summary>
    internal const string LeadEvaluationFailed = "SLA0708";

    /// <summary>A calendar op line is invalid (unknown op, missing or malformed field).</summary>
    internal const string InvalidCalendarOp = "SLA0801";

    /// <summary>A command-line argument is missing or invalid.</summary>
    internal const string InvalidArgument = "SLA0802";

    /// <summary>An input file cannot be read.</summary>
    internal const string InputUnreadable = "SLA0803";
}
