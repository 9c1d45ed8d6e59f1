using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;
using SlaEngine.Conditions;
using SlaEngine.DependencyInjection;

namespace SlaEngine.Tests.Docs;

/// <summary>The code of docs/api.md, compiled and run. Keep the two in step.</summary>
public sealed class ApiGuideExamples
{
    private static readonly string Policies = Path.Combine(AppContext.BaseDirectory, "samples", "policies");

    [Fact]
    public void Loading()
    {
        var path = Path.Combine(Policies, "rank-bands.yaml");

        // api.md: Loading
        var result = PolicyLoader.TryLoadFile(path);
        if (!result.Success)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                Console.Error.WriteLine(diagnostic);   // rank-bands.yaml:12:5: error SLA0020: ...
            }

            return;
        }

        SlaPolicy policy = result.Policy;
        foreach (var warning in policy.Warnings)
        {
            Console.WriteLine(warning);
        }

        Assert.Equal("lattice-predictive", policy.Id);
        var e = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load("policy: x\nversion: 1\nbogus: 1\n", "inline.yaml"));
        Assert.Contains(e.Diagnostics, d => d.Code == "SLA0020" && d.File == "inline.yaml" && d.Line == 3);
    }

    [Fact]
    public void Evaluating()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(Policies, "rank-bands.yaml"));

        // api.md: Evaluating — a lead from JSON, or built in code
        var fromJson = LeadJson.Read("""{"id":"L-1","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"purchase_timeline":"now"}}""");
        var built = new LeadSnapshot("L-2")
        {
            MqlAt = Instant.FromUtc(2026, 11, 20, 15, 30),
            Attributes = ImmutableDictionary<string, LeadValue>.Empty
                .Add("rank", 72)
                .Add("employees", 250)
                .Add("title", "VP Sales"),
            Touches = [new LeadTouch("call", Instant.FromUtc(2026, 11, 20, 16, 10), "no_answer")],
        };

        var at = Instant.FromUtc(2026, 11, 22, 12, 0);
        var evaluation = policy.Evaluate(fromJson.Lead!, at);
        var quick = policy.Evaluate(built, at, EvaluationOptions.WithoutTrace);
        var all = policy.EvaluateAll([fromJson.Lead!, built], at, EvaluationOptions.WithoutTrace).ToList();

        MilestoneResult? firstTouch = evaluation.Milestone("first_touch");
        string json = EvaluationJson.Serialize(evaluation, includeTrace: true);

        Assert.Equal(LeadStatus.Mql, evaluation.Status);
        Assert.Equal(Instant.FromUtc(2026, 11, 20, 18, 30), firstTouch?.Due);
        Assert.Empty(quick.Trace);
        Assert.Equal(2, all.Count);
        Assert.Contains("\"trace\":[", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendars()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(Policies, "rank-bands.yaml"));

        // api.md: Business time
        policy.TryGetCalendar("us-sales", out var calendar);
        var start = Instant.FromUtc(2026, 11, 20, 15, 30);
        Instant due = calendar!.Add(start, SlaDuration.Parse("2 business hours"));
        Duration open = calendar.Between(start, due);
        Instant endOfDay3 = calendar.AddBusinessDays(start, 3);

        var custom = new BusinessCalendarBuilder("support", DateTimeZoneProviders.Tzdb["Europe/London"])
            .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, OpenInterval.Parse("08:00-18:00"))
            .WithHoliday(Holiday.Yearly(12, 25, "Christmas", HolidayObservance.NearestWeekday))
            .Build();

        Assert.Equal(Instant.FromUtc(2026, 11, 20, 18, 30), due);
        Assert.Equal(Duration.FromHours(2), open);
        Assert.True(endOfDay3 > due);
        Assert.True(custom.IsOpen(Instant.FromUtc(2026, 11, 23, 12, 0)));
    }

    [Fact]
    public void DependencyInjection()
    {
        var services = new ServiceCollection();

        // api.md: Dependency injection
        services.AddSlaEngine(options => options
            .AddPolicyDirectory(Policies)
            .AddPolicyYaml("inline/probe.yaml", "policy: probe\nversion: 1\ncalendars:\n  c: { zone: UTC, hours: { mon: [09:00-17:00] } }\n")
            .PinVersion("lattice-predictive", 3));

        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IPolicyStore>();   // loads everything now; throws on any error

        var snapshot = store.Current;                 // one consistent view
        SlaPolicy active = snapshot.GetActive("lattice-predictive");
        ImmutableArray<int> versions = snapshot.GetVersions("lattice-predictive");

        PolicyReloadResult reload = store.Reload();
        if (!reload.Success)
        {
            foreach (var error in reload.Errors)
            {
                Console.Error.WriteLine(error);
            }
        }

        Assert.Equal(3, active.Version);
        Assert.Equal([3], versions.AsEnumerable());
        Assert.True(reload.Success);
        Assert.Equal(2, store.Current.Generation);
    }
}
