using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SlaEngine.Calendars;
using SlaEngine.Conditions;
using SlaEngine.Diagnostics;

namespace SlaEngine.Policies;

/// <summary>
/// A compiled SLA policy: calendars, exclusions, scoring, qualification, bands, routing, tiers and goals, checked
/// and ready to evaluate leads. Create one with <see cref="PolicyLoader"/>.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: one instance can serve any number of concurrent evaluations. Loading the same text
/// twice gives equivalent policies.
/// </remarks>
public sealed partial class SlaPolicy
{
    private readonly FrozenDictionary<string, BusinessCalendar> _calendarsByName;
    private readonly FrozenDictionary<string, TierDefinition> _tiersByName;

    internal SlaPolicy(
        string id,
        int version,
        string? description,
        ImmutableArray<BusinessCalendar> calendars,
        ImmutableArray<string> calendarNames,
        FieldSchema? fields,
        ImmutableArray<ExclusionRule> exclusions,
        ImmutableArray<ScoringRule> scoringRules,
        ImmutableArray<TriggerRule> triggers,
        double? scoreThreshold,
        BandSet? bands,
        ImmutableArray<RoutingRule> routing,
        ImmutableArray<TierDefinition> tiers,
        ImmutableArray<Goal> goals,
        ImmutableArray<Diagnostic> warnings,
        string sourceName,
        AttributeSlots? attributeSlots = null)
    {
        AttributeSlots = attributeSlots;
        Id = id;
        Version = version;
        Description = description;
        Calendars = calendars;
        Fields = fields;
        Exclusions = exclusions;
        ScoringRules = scoringRules;
        Triggers = triggers;
        ScoreThreshold = scoreThreshold;
        Bands = bands;
        Routing = routing;
        Tiers = tiers;
        Goals = goals;
        Warnings = warnings;
        SourceName = sourceName;
        _calendarsByName = calendarNames
            .Select((name, i) => KeyValuePair.Create(name, calendars[i]))
            .ToFrozenDictionary(StringComparer.Ordinal);
        _tiersByName = tiers.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        Teams = routing.Select(r => r.Team).Distinct(StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>Gets the policy id (<c>[a-z0-9-]+</c>).</summary>
    public string Id { get; }

    /// <summary>Gets the policy version (a positive integer).</summary>
    public int Version { get; }

    /// <summary>Gets the description, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>Gets the business calendars in file order.</summary>
    public ImmutableArray<BusinessCalendar> Calendars { get; }

    /// <summary>Gets the exclusions in file order.</summary>
    public ImmutableArray<ExclusionRule> Exclusions { get; }

    /// <summary>Gets the scoring rules in file order.</summary>
    public ImmutableArray<ScoringRule> ScoringRules { get; }

    /// <summary>Gets the qualification triggers in file order.</summary>
    public ImmutableArray<TriggerRule> Triggers { get; }

    /// <summary>Gets the catch-all score threshold (qualify when score ≥ threshold), or <see langword="null"/>.</summary>
    public double? ScoreThreshold { get; }

    /// <summary>Gets the rank bands, or <see langword="null"/> when the policy has none.</summary>
    public BandSet? Bands { get; }

    /// <summary>Gets the routing rules in file order; when not empty, the last one is the default.</summary>
    public ImmutableArray<RoutingRule> Routing { get; }

    /// <summary>Gets the tiers in file order.</summary>
    public ImmutableArray<TierDefinition> Tiers { get; }

    /// <summary>Gets every team routing can produce, in order of first appearance.</summary>
    public ImmutableArray<string> Teams { get; }

    /// <summary>Gets the slots of the attributes the policy's conditions read (null: they read by name).</summary>
    internal AttributeSlots? AttributeSlots { get; }

    /// <summary>Gets the goals in file order.</summary>
    public ImmutableArray<Goal> Goals { get; }

    /// <summary>Gets the warnings found while loading (the policy loaded despite them).</summary>
    public ImmutableArray<Diagnostic> Warnings { get; }

    /// <summary>Gets the name of the source the policy was loaded from (a file path or a caller-given name).</summary>
    public string SourceName { get; }

    /// <summary>Gets the typed field schema, or <see langword="null"/> when the policy declares no <c>fields</c>.</summary>
    internal FieldSchema? Fields { get; }

    /// <summary>Gets where the policy's elements were written (for the linter); empty when unknown.</summary>
    internal PolicySourceMap SourceMap { get; init; } = PolicySourceMap.Empty;

    /// <summary>Finds a calendar by name (ordinal, case-sensitive).</summary>
    /// <param name="name">The calendar name.</param>
    /// <param name="calendar">The calendar, when found.</param>
    /// <returns>Whether the policy defines the calendar.</returns>
    public bool TryGetCalendar(string name, [MaybeNullWhen(false)] out BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _calendarsByName.TryGetValue(name, out calendar);
    }

    /// <summary>Finds a tier by name (ordinal, case-sensitive).</summary>
    /// <param name="name">The tier name.</param>
    /// <param name="tier">The tier, when found.</param>
    /// <returns>Whether the policy defines the tier.</returns>
    public bool TryGetTier(string name, [MaybeNullWhen(false)] out TierDefinition tier)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _tiersByName.TryGetValue(name, out tier);
    }
}
