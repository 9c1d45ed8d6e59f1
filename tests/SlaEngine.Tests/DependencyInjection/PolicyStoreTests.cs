using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Diagnostics;
using SlaEngine.DependencyInjection;

namespace SlaEngine.Tests.DependencyInjection;

public sealed class PolicyStoreTests : IDisposable
{
    private static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples", "policies");

    private readonly string _directory = Directory.CreateTempSubdirectory("slaengine-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void AddSlaEngine_SampleDirectory_ResolvesStoreWithEverySample()
    {
        using var provider = new ServiceCollection()
            .AddSlaEngine(options => options.AddPolicyDirectory(SamplesDirectory))
            .BuildServiceProvider();

        var store = provider.GetRequiredService<IPolicyStore>();

        Assert.Same(store, provider.GetRequiredService<PolicyStore>());
        Assert.Equal(["escalation-ladder", "lattice-predictive", "level-of-effort", "scoring-routing"], store.Current.PolicyIds.AsEnumerable());
        Assert.Equal(3, store.GetActive("lattice-predictive").Version);
        Assert.Equal(1, store.Current.Generation);
    }

    [Fact]
    public void AddSlaEngine_CalledTwice_AddsServicesOnce()
    {
        var services = new ServiceCollection();

        var returned = services
            .AddSlaEngine(options => options.AddPolicyDirectory(SamplesDirectory))
            .AddSlaEngine(options => options.AddPolicyDirectory(SamplesDirectory));

        Assert.Same(services, returned);
        Assert.Single(services, d => d.ServiceType == typeof(IPolicyStore));
        Assert.Single(services, d => d.ServiceType == typeof(PolicyStore));

        // The same directory named by both calls is read once: no "defined twice" error.
        using var provider = services.BuildServiceProvider();
        Assert.Equal(4, provider.GetRequiredService<IPolicyStore>().Current.PolicyIds.Length);
    }

    [Fact]
    public void AddSlaEngine_TwoCalls_BothConfigurationsApply()
    {
        using var provider = new ServiceCollection()
            .AddSlaEngine(options => options.AddPolicyYaml("a.yaml", Policy("alpha", 1)))
            .AddSlaEngine(options => options.AddPolicyYaml("b.yaml", Policy("beta", 1)))
            .BuildServiceProvider();

        Assert.Equal(["alpha", "beta"], provider.GetRequiredService<IPolicyStore>().Current.PolicyIds.AsEnumerable());
    }

    [Fact]
    public void AddSlaEngine_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("services", () => SlaEngineServiceCollectionExtensions.AddSlaEngine(null!, _ => { }));
        Assert.Throws<ArgumentNullException>("configure", () => new ServiceCollection().AddSlaEngine(null!));
    }

    [Fact]
    public void AddSlaEngine_UserRegisteredStore_IsKept()
    {
        var mine = new PolicyStore(new SlaEngineOptions().AddPolicyYaml("a.yaml", Policy("alpha", 1)));
        var services = new ServiceCollection();
        services.AddSingleton<IPolicyStore>(mine);

        using var provider = services.AddSlaEngine(options => options.AddPolicyDirectory(SamplesDirectory)).BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IPolicyStore>());
    }

    [Fact]
    public void Resolve_BadPolicies_ThrowsOnceWithEveryDiagnosticOfEveryFile()
    {
        File.WriteAllText(Path.Combine(_directory, "a.yaml"), "policy: a\nversion: 1\nbogus: 1\n");
        File.WriteAllText(Path.Combine(_directory, "b.yaml"), "policy: B!\nversion: 0\n");
        using var provider = new ServiceCollection()
            .AddSlaEngine(options => options.AddPolicyDirectory(_directory))
            .BuildServiceProvider();

        var e = Assert.Throws<PolicyValidationException>(() => provider.GetRequiredService<IPolicyStore>());

        var files = e.Diagnostics.Where(d => d.IsError).Select(d => Path.GetFileName(d.File)).Distinct().ToList();
        Assert.Equal(["a.yaml", "b.yaml"], files);
        Assert.True(e.Diagnostics.Count(d => d.IsError && d.File.EndsWith("b.yaml", StringComparison.Ordinal)) >= 2);
        Assert.Contains("a.yaml:3:1: error SLA0020", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingDirectoryAndFile_ReportsBoth()
    {
        var options = new SlaEngineOptions { BaseDirectory = _directory }
            .AddPolicyDirectory("nowhere")
            .AddPolicyFile("missing.yaml");

        var e = Assert.Throws<PolicyValidationException>(() => new PolicyStore(options));

        Assert.Equal(["SLA0010", "SLA0154"], e.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.Contains(e.Diagnostics, d => d.ToString() == Path.Combine(_directory, "nowhere") + ":0:0: error SLA0154: cannot list the policy directory: the directory does not exist");
    }

    [Fact]
    public void Constructor_SameVersionTwice_IsAnError()
    {
        var options = new SlaEngineOptions()
            .AddPolicyYaml("one.yaml", Policy("alpha", 2))
            .AddPolicyYaml("two.yaml", Policy("alpha", 2));

        var e = Assert.Throws<PolicyValidationException>(() => new PolicyStore(options));

        var error = Assert.Single(e.Diagnostics);
        Assert.Equal("two.yaml:0:0: error SLA0151: policy 'alpha' version 2 is already defined in one.yaml; each version of a policy must come from one source", error.ToString());
    }

    [Fact]
    public void GetActive_NoPin_IsHighestVersion()
    {
        var store = new PolicyStore(new SlaEngineOptions()
            .AddPolicyYaml("v2.yaml", Policy("alpha", 2))
            .AddPolicyYaml("v10.yaml", Policy("alpha", 10))
            .AddPolicyYaml("v1.yaml", Policy("alpha", 1)));

        Assert.Equal(10, store.GetActive("alpha").Version);
        Assert.Equal([1, 2, 10], store.Current.GetVersions("alpha").AsEnumerable());
        Assert.Equal([1, 2, 10], store.Policies.Select(p => p.Version));
        Assert.Equal(2, store.Get("alpha", 2).Version);
    }

    [Fact]
    public void GetActive_Pinned_IsPinnedVersion()
    {
        var store = new PolicyStore(new SlaEngineOptions()
            .AddPolicyYaml("v1.yaml", Policy("alpha", 1))
            .AddPolicyYaml("v2.yaml", Policy("alpha", 2))
            .PinVersion("alpha", 1));

        Assert.Equal(1, store.GetActive("alpha").Version);
        Assert.True(store.TryGet("alpha", 2, out var newer));
        Assert.Equal(2, newer.Version);
    }

    [Fact]
    public void Constructor_PinToUnknownVersionOrPolicy_IsAnError()
    {
        var options = new SlaEngineOptions()
            .AddPolicyYaml("v1.yaml", Policy("alpha", 1))
            .PinVersion("alpha", 7)
            .PinVersion("gamma", 1);

        var e = Assert.Throws<PolicyValidationException>(() => new PolicyStore(options));

        Assert.Equal(
            [
                ":0:0: error SLA0153: the active version of policy 'alpha' is pinned to 7, which is not loaded; loaded versions: 1",
                ":0:0: error SLA0152: the active version of policy 'gamma' is pinned to 1, but no source defines policy 'gamma'",
            ],
            e.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Get_Unknown_ThrowsKeyNotFoundNamingWhatIsLoaded()
    {
        var store = new PolicyStore(new SlaEngineOptions().AddPolicyYaml("v1.yaml", Policy("alpha", 1)));

        Assert.Equal("No policy 'beta' is loaded; loaded policies: alpha.", Assert.Throws<KeyNotFoundException>(() => store.GetActive("beta")).Message);
        Assert.Equal("Policy 'alpha' has no version 3; loaded versions: 1.", Assert.Throws<KeyNotFoundException>(() => store.Get("alpha", 3)).Message);
        Assert.False(store.TryGetActive("beta", out _));
        Assert.False(store.TryGet("alpha", 3, out _));
    }

    [Fact]
    public void Reload_NewVersionOnDisk_SwapsSnapshotAndKeepsOldForHolders()
    {
        File.WriteAllText(Path.Combine(_directory, "alpha-1.yaml"), Policy("alpha", 1));
        var store = new PolicyStore(new SlaEngineOptions().AddPolicyDirectory(_directory));
        var before = store.Current;
        var inFlight = store.GetActive("alpha");

        File.WriteAllText(Path.Combine(_directory, "alpha-2.yaml"), Policy("alpha", 2));
        var result = store.Reload();

        Assert.True(result.Success);
        Assert.Same(result.Current, store.Current);
        Assert.Equal(2, store.Current.Generation);
        Assert.Equal(2, store.GetActive("alpha").Version);
        Assert.Equal(1, inFlight.Version);
        Assert.Equal([1], before.GetVersions("alpha").AsEnumerable());
        Assert.Equal(1, before.GetActive("alpha").Version);
    }

    [Fact]
    public void Reload_BrokenFile_KeepsOldSnapshotAndReportsErrors()
    {
        File.WriteAllText(Path.Combine(_directory, "alpha.yaml"), Policy("alpha", 1));
        var store = new PolicyStore(new SlaEngineOptions().AddPolicyDirectory(_directory));
        var before = store.Current;

        File.WriteAllText(Path.Combine(_directory, "alpha.yaml"), "policy: alpha\nversion: two\n");
        var result = store.Reload();

        Assert.False(result.Success);
        Assert.Same(before, result.Current);
        Assert.Same(before, store.Current);
        Assert.Contains(result.Errors, e => e.Code == "SLA0031" && e.Line == 2 && e.File.EndsWith("alpha.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reload_ConcurrentWithEvaluations_EveryReaderSeesAWholeSnapshot()
    {
        var store = new PolicyStore(new SlaEngineOptions()
            .AddPolicyFile(Path.Combine(SamplesDirectory, "rank-bands.yaml"))
            .AddPolicyYaml("alpha.yaml", Policy("alpha", 1)));
        var lead = LeadSnapshot.Parse("""{"id":"L1","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"employees":250,"purchase_timeline":"now"}}""").Value;
        var at = Instant.FromUtc(2026, 11, 22, 12, 0);
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var evaluations = 0;
            while (!stop.IsCancellationRequested || evaluations == 0)
            {
                var snapshot = store.Current;
                Assert.Equal(2, snapshot.PolicyIds.Length);
                Assert.Equal(LeadStatus.Mql, snapshot.GetActive("lattice-predictive").Evaluate(lead, at, EvaluationOptions.WithoutTrace).Status);
                evaluations++;
            }

            return evaluations;
        })).ToArray();

        for (var i = 0; i < 20; i++)
        {
            Assert.True(store.Reload().Success);
        }

        stop.Cancel();
        Assert.All(await Task.WhenAll(readers), n => Assert.True(n > 0));
        Assert.Equal(21, store.Current.Generation);
    }

    [Fact]
    public void Options_AreCopied_LaterChangesDoNotAffectTheStore()
    {
        var options = new SlaEngineOptions().AddPolicyYaml("a.yaml", Policy("alpha", 1));
        var store = new PolicyStore(options);

        options.AddPolicyYaml("b.yaml", Policy("beta", 1));
        store.Reload();

        Assert.Equal(["alpha"], store.Current.PolicyIds.AsEnumerable());
    }

    [Fact]
    public void Options_PinVersionNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaEngineOptions().PinVersion("alpha", 0));
    }

    private static string Policy(string id, int version) => $"""
        policy: {id}
        version: {version}
        calendars:
          office:
            zone: UTC
            hours:
              mon-fri: [09:00-17:00]
        qualification:
          score_threshold: 0
        bands:
          by: score
          ranges:
            - {"{"} name: all, from: -100, to: 100, tier: standard {"}"}
        routing:
          - {"{"} default: true, team: sales, calendar: office {"}"}
        tiers:
          standard:
            first_touch: {"{"} channels: [call], within: 4 business hours {"}"}
        """;
}
