namespace SlaEngine.Diagnostics;

/// <summary>
/// Stable diagnostic codes. This part holds the codes of the loader: SLA0001-SLA0199 (YAML, schema, calendars section),
/// SLA0300-SLA0399 (durations) and SLA0500-SLA0599 (policy structure). They are listed in <c>docs/policy-language.md</c>.
/// </summary>
public static partial class DiagnosticCodes
{
    // YAML document and limits (SLA0001-SLA0019)

    /// <summary>SLA0001: The text is not well-formed YAML.</summary>
    public const string YamlSyntax = "SLA0001";

    /// <summary>SLA0002: The file holds no YAML document, or the document is empty (an empty policy).</summary>
    public const string EmptyDocument = "SLA0002";

    /// <summary>SLA0003: The file holds more than one YAML document.</summary>
    public const string MultipleDocuments = "SLA0003";

    /// <summary>SLA0004: The document is larger than 1 MiB.</summary>
    public const string DocumentTooLarge = "SLA0004";

    /// <summary>SLA0005: Mappings and lists nest deeper than 64 levels (aliases included).</summary>
    public const string NestingTooDeep = "SLA0005";

    /// <summary>SLA0006: Aliases expand to more than 10,000 nodes (a "billion laughs" document).</summary>
    public const string AliasExpansionTooLarge = "SLA0006";

    /// <summary>SLA0007: A YAML type tag (<c>!foo</c>, <c>!!python/object</c>, <c>!!str</c>) is used; tags are never honoured.</summary>
    public const string TypeTagNotAllowed = "SLA0007";

    /// <summary>SLA0008: A key appears twice in the same mapping.</summary>
    public const string DuplicateKey = "SLA0008";

    /// <summary>SLA0009: A mapping key is a mapping or a list.</summary>
    public const string NonScalarKey = "SLA0009";

    /// <summary>SLA0010: The policy file could not be read.</summary>
    public const string FileReadError = "SLA0010";

    /// <summary>SLA0011: An alias refers to an anchor that is not defined before it.</summary>
    public const string UnknownAlias = "SLA0011";

    // Schema (SLA0020-SLA0099)

    /// <summary>SLA0020: A key is not part of the policy language here (with a "did you mean" hint).</summary>
    public const string UnknownKey = "SLA0020";

    /// <summary>SLA0021: A required key is missing.</summary>
    public const string MissingKey = "SLA0021";

    /// <summary>SLA0022: A value has the wrong shape: a mapping, a list or a single value was expected.</summary>
    public const string WrongNodeKind = "SLA0022";

    /// <summary>SLA0023: A value is not a number.</summary>
    public const string InvalidNumber = "SLA0023";

    /// <summary>SLA0024: A value is not an integer, or is out of range.</summary>
    public const string InvalidInteger = "SLA0024";

    /// <summary>SLA0025: A value is not <c>true</c> or <c>false</c>.</summary>
    public const string InvalidBoolean = "SLA0025";

    /// <summary>SLA0026: A value that must be a non-empty text is empty or null.</summary>
    public const string EmptyValue = "SLA0026";

    /// <summary>SLA0027: A value is not a percentage such as <c>95%</c> (0% to 100%).</summary>
    public const string InvalidPercentage = "SLA0027";

    /// <summary>SLA0030: The <c>policy</c> id does not match <c>[a-z0-9-]+</c>.</summary>
    public const string InvalidPolicyId = "SLA0030";

    /// <summary>SLA0031: The <c>version</c> is not a positive integer.</summary>
    public const string InvalidVersion = "SLA0031";

    /// <summary>SLA0032: The policy defines nothing besides <c>policy</c> and <c>version</c>.</summary>
    public const string EmptyPolicy = "SLA0032";

    /// <summary>SLA0033: Warning: the policy has no triggers and no score threshold, so it qualifies no lead (a calendar library).</summary>
    public const string QualifiesNoLead = "SLA0033";

    /// <summary>SLA0034: Two keys that exclude each other are both given (for example <c>when</c> and <c>event</c>).</summary>
    public const string ConflictingKeys = "SLA0034";

    /// <summary>SLA0035: None of a set of alternative keys is given (for example neither <c>when</c> nor <c>event</c>).</summary>
    public const string MissingOneOf = "SLA0035";

    /// <summary>SLA0036: A key is valid only together with another one (for example <c>within</c> on a <c>when</c> scoring rule).</summary>
    public const string KeyNotAllowedHere = "SLA0036";

    /// <summary>SLA0037: Two rules, bands or channels in the same list have the same name.</summary>
    public const string DuplicateName = "SLA0037";

    /// <summary>SLA0040: A field name is not an identifier (<c>[A-Za-z_][A-Za-z0-9_]*</c>) or is the reserved <c>score</c>.</summary>
    public const string InvalidFieldName = "SLA0040";

    /// <summary>SLA0041: A field type is not <c>number</c>, <c>string</c>, <c>bool</c>, <c>instant</c>, <c>list</c> or <c>{ enum: [...] }</c>.</summary>
    public const string UnknownFieldType = "SLA0041";

    /// <summary>SLA0042: An enum field lists no values, or lists a value twice.</summary>
    public const string EmptyEnum = "SLA0042";

    /// <summary>SLA0043: A rule's numeric setting is out of range (for example a non-positive <c>max</c>).</summary>
    public const string InvalidRuleValue = "SLA0043";

    // Calendars section (SLA0100-SLA0199); the calendar rules themselves use SLA0200-SLA0299 (DiagnosticCodes.Calendars.cs)

    /// <summary>SLA0109: A calendar name is empty.</summary>
    public const string InvalidCalendarName = "SLA0109";

    /// <summary>SLA0110: The calendar builder rejected the calendar for a reason not reported by a more specific code.</summary>
    public const string InvalidCalendar = "SLA0110";

    // Durations (SLA0300-SLA0399)

    /// <summary>SLA0300: A duration is not <c>N [business] unit</c>.</summary>
    public const string InvalidDuration = "SLA0300";

    /// <summary>SLA0301: A duration unit is not minute(s), hour(s), day(s) or week(s).</summary>
    public const string UnknownDurationUnit = "SLA0301";

    /// <summary>SLA0302: A duration amount is not a non-negative integer.</summary>
    public const string InvalidDurationAmount = "SLA0302";

    /// <summary>SLA0303: A business duration is used where only elapsed time makes sense (scoring <c>within</c>, <c>half_life</c>; business days in <c>warn_before</c>).</summary>
    public const string BusinessDurationNotAllowed = "SLA0303";

    /// <summary>SLA0304: <c>warn_before</c> is neither a duration nor a percentage from 0% to 100%.</summary>
    public const string InvalidWarnBefore = "SLA0304";

    /// <summary>SLA0305: A duration that must be positive (<c>half_life</c>) is zero.</summary>
    public const string ZeroDuration = "SLA0305";

    // Policy structure (SLA0500-SLA0599)

    /// <summary>SLA0500: Two band ranges share a value.</summary>
    public const string OverlappingBands = "SLA0500";

    /// <summary>SLA0501: Warning: band ranges leave whole numbers of 0-100 uncovered.</summary>
    public const string BandGap = "SLA0501";

    /// <summary>SLA0502: A band has neither a <c>tier</c> nor <c>nurture: true</c>, or has both.</summary>
    public const string BandWithoutOutcome = "SLA0502";

    /// <summary>SLA0503: A band has no bound, two lower or two upper bounds, or a lower bound above its upper bound.</summary>
    public const string InvalidBandBounds = "SLA0503";

    /// <summary>SLA0504: <c>bands.by</c> is neither <c>score</c> nor a declared number field.</summary>
    public const string InvalidBandField = "SLA0504";

    /// <summary>SLA0510: A trigger or band refers to a tier that <c>tiers</c> does not define.</summary>
    public const string UndefinedTier = "SLA0510";

    /// <summary>SLA0513: <c>routing</c> has no <c>default: true</c> rule.</summary>
    public const string RoutingWithoutDefault = "SLA0513";

    /// <summary>SLA0514: A routing rule follows the <c>default</c> rule (it could never match), or a second default is given.</summary>
    public const string RuleAfterDefault = "SLA0514";

    /// <summary>SLA0516: The policy qualifies leads (triggers or a score threshold) but has no <c>routing</c>.</summary>
    public const string RoutingRequired = "SLA0516";

    /// <summary>SLA0520: <c>effort</c> asks for zero touches (empty, or a channel with count 0).</summary>
    public const string EffortWithoutTouches = "SLA0520";

    /// <summary>SLA0521: A tier has <c>effort</c> but no <c>complete_within</c>.</summary>
    public const string EffortWithoutDeadline = "SLA0521";

    /// <summary>SLA0522: A <c>channels</c> or <c>notify</c> list is empty.</summary>
    public const string EmptyChannels = "SLA0522";

    /// <summary>SLA0523: <c>on_exhausted</c> is not <c>recycle</c>.</summary>
    public const string UnknownOnExhausted = "SLA0523";

    /// <summary>SLA0524: <c>on_exhausted</c> is set on a tier with neither <c>cadence</c> nor <c>effort</c>.</summary>
    public const string OnExhaustedWithoutWork = "SLA0524";

    /// <summary>SLA0525: A <c>cadence</c> lists no steps.</summary>
    public const string EmptyCadence = "SLA0525";

    /// <summary>SLA0530: A goal name is not one the report knows.</summary>
    public const string UnknownGoal = "SLA0530";

    /// <summary>SLA0531: A goal uses <c>min</c> where it needs <c>max</c> (or the reverse), or both.</summary>
    public const string InvalidGoalBound = "SLA0531";

    /// <summary>SLA0532: A goal value has the wrong kind (a percentage, a count or a duration is expected).</summary>
    public const string InvalidGoalValue = "SLA0532";
}
