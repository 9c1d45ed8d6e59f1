using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Fuzz;

/// <summary>What the targets evaluate against, read once from the assembly's resources.</summary>
public static partial class FuzzInputs
{
    /// <summary>The evaluation instant of every target: the spec's worked example.</summary>
    public static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    private static readonly Lazy<IReadOnlyDictionary<string, SlaPolicy>> LazyPolicies = new(LoadPolicies);
    private static readonly Lazy<IReadOnlyList<SlaPolicy>> LazyPolicyList = new(() => [.. Policies.Values]);
    private static readonly Lazy<IReadOnlyList<BusinessCalendar>> LazyCalendars = new(LoadCalendars);
    private static readonly Lazy<IReadOnlyList<LeadSnapshot>> LazyLeads = new(LoadLeads);
    private static readonly Lazy<FrozenSet<string>> LazyCodes = new(LoadCodes);

    /// <summary>Gets the sample policies (samples/policies), by file name.</summary>
    public static IReadOnlyDictionary<string, SlaPolicy> Policies => LazyPolicies.Value;

    /// <summary>Gets the sample policies in file-name order.</summary>
    public static IReadOnlyList<SlaPolicy> PolicyList => LazyPolicyList.Value;

    /// <summary>Gets calendars to run calendar ops on: the samples' and a few conformance calendars (DST, overnight, Lord Howe).</summary>
    public static IReadOnlyList<BusinessCalendar> Calendars => LazyCalendars.Value;

    /// <summary>Gets a few valid sample leads to evaluate fuzzed policies with.</summary>
    public static IReadOnlyList<LeadSnapshot> Leads => LazyLeads.Value;

    /// <summary>Gets every code listed in docs/error-codes.md.</summary>
    public static FrozenSet<string> DocumentedCodes => LazyCodes.Value;

    /// <summary>Reads an embedded resource as text.</summary>
    public static string Resource(string name)
    {
        using var stream = typeof(FuzzInputs).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("missing resource " + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> ResourceNames(string prefix) =>
        typeof(FuzzInputs).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, SlaPolicy> LoadPolicies() =>
        new SortedDictionary<string, SlaPolicy>(
            ResourceNames("policies/").ToDictionary(n => n["policies/".Length..], n => PolicyLoader.Load(Resource(n), n["policies/".Length..]), StringComparer.Ordinal),
            StringComparer.Ordinal);

    private static IReadOnlyList<BusinessCalendar> LoadCalendars()
    {
        var conformance = PolicyLoader.Load(Resource("calendars/calendars.yaml"), "calendars.yaml");
        var picked = new List<BusinessCalendar>();
        foreach (var policy in Policies.Values)
        {
            picked.AddRange(policy.Calendars.Where(c => picked.All(p => p.Name != c.Name)));
        }

        // Zones with 30-minute DST shifts, far offsets and overnight hours: the calendars most likely to break the math.
        picked.AddRange(conformance.Calendars.Where(c => c.Zone.Id is "Australia/Lord_Howe" or "Pacific/Chatham" || c.WeeklyHours(IsoDayOfWeek.Monday).Any(i => i.ToString().Contains("24:00", StringComparison.Ordinal))).Take(3));
        return picked;
    }

    private static IReadOnlyList<LeadSnapshot> LoadLeads() =>
        Resource("leads/edge-cases.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => LeadSnapshot.Parse(line)).Where(r => r.Success).Select(r => r.Value).Take(12).ToList();

    private static FrozenSet<string> LoadCodes() => CodePattern().Matches(Resource("docs/error-codes.md")).Select(m => m.Value).ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex("SLA[0-9]{4}")]
    private static partial Regex CodePattern();
}
