using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Pictures.Tests;

/// <summary>The sample policies and leads of the repository, loaded once.</summary>
internal static class Samples
{
    /// <summary>The instant the sample leads are meant to be evaluated at (a Sunday).</summary>
    internal static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    private static readonly Lazy<SlaPolicy> RankBandsPolicy = new(() => PolicyLoader.LoadFile(Path("policies", "rank-bands.yaml")));

    private static readonly Lazy<IReadOnlyList<LeadSnapshot>> AllLeads = new(() =>
        File.ReadLines(Path("leads", "leads.jsonl"))
            .Select(LeadSnapshot.Parse)
            .Where(r => r.Success)
            .Select(r => r.Value)
            .Where(l => RankBandsPolicy.Value.TryEvaluate(l, At, EvaluationOptions.WithoutTrace).Success)
            .ToList());

    internal static SlaPolicy RankBands => RankBandsPolicy.Value;

    internal static IReadOnlyList<LeadSnapshot> Leads => AllLeads.Value;

    internal static string Path(string folder, string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "samples", folder, file);

    internal static SlaPolicy Policy(string file) => PolicyLoader.LoadFile(Path("policies", file));

    internal static LeadSnapshot Lead(string id) => Leads.Single(l => l.Id == id);

    /// <summary>Parses one lead snapshot from JSON.</summary>
    internal static LeadSnapshot Parse(string json)
    {
        var result = LeadSnapshot.Parse(json);
        Assert.True(result.Success, result.Error?.Message);
        return result.Value;
    }
}
