namespace SlaEngine.Diagnostics;

/// <summary>Stable diagnostic codes. This part: lead snapshots and command input (SLA0700–SLA0799).</summary>
public static partial class DiagnosticCodes
{
    /// <summary>A lead line is not a JSON object (syntax error, truncated line, invalid UTF-8, blank line).</summary>
    public const string LeadMalformedJson = "SLA0701";

    /// <summary>A lead field has the wrong JSON type (for example <c>touches</c> not an array).</summary>
    public const string LeadWrongType = "SLA0702";

    /// <summary>A lead instant is not ISO-8601 with <c>Z</c> or an offset.</summary>
    public const string LeadInvalidInstant = "SLA0703";

    /// <summary>A disposition outcome is not <c>convert</c>, <c>defer</c> or <c>recycle</c>.</summary>
    public const string LeadInvalidOutcome = "SLA0704";

    /// <summary>A pinned (<c>assigned</c>) tier or team is not defined by the policy.</summary>
    public const string LeadUnknownAssignment = "SLA0705";

    /// <summary>A lead is missing a required field (<c>id</c>, or a touch's <c>channel</c>/<c>at</c>…).</summary>
    public const string LeadMissingField = "SLA0706";

    /// <summary>A lead value is out of range (a number that is not finite, a paused interval ending before it starts, a string over the size limit).</summary>
    public const string LeadValueOutOfRange = "SLA0707";

    /// <summary>Evaluating a lead failed unexpectedly; the lead is reported with this code and every other lead is still evaluated.</summary>
    public const string LeadEvaluationFailed = "SLA0708";

    /// <summary>A lead gives the same key twice (for example two <c>id</c> keys, or one attribute twice): which one is meant is unclear.</summary>
    public const string LeadDuplicateKey = "SLA0709";

    /// <summary>Warning: with <c>fields</c> declared, an attribute's value has another type than its field (<c>"employees":"2000"</c> for a number); it is read as missing.</summary>
    public const string LeadAttributeWrongType = "SLA0710";

    /// <summary>Warning: with <c>fields</c> declared, an enum attribute holds a value that is not in the enum; it is read as missing.</summary>
    public const string LeadEnumValueUnknown = "SLA0711";

    /// <summary>Warning: with <c>fields</c> declared, a touch is on a channel that no tier of the policy names; it meets no channel's milestone.</summary>
    public const string LeadTouchChannelUnknown = "SLA0712";

    /// <summary>Warning: the lead's <c>mql_at</c> is after the evaluation instant: it has not been handed to sales yet, so its SLA has not started.</summary>
    public const string LeadNotHandedOff = "SLA0713";

    /// <summary>The line is the error line of a lead (<c>{"id":…,"error":{…}}</c>, as <c>slaengine import</c> and <c>evaluate</c> write it), not a lead: it stays that lead's error.</summary>
    public const string LeadErrorLine = "SLA0714";

    /// <summary>A calendar op line is invalid (unknown op, missing or malformed field).</summary>
    public const string InvalidCalendarOp = "SLA0801";

    /// <summary>A command-line argument is missing or invalid.</summary>
    public const string InvalidArgument = "SLA0802";

    /// <summary>An input file cannot be read.</summary>
    public const string InputUnreadable = "SLA0803";
}
