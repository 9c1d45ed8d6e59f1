using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SlaEngine.Cli;
using SlaEngine.Tests.Hosting;

namespace SlaEngine.Tests.Robustness;

/// <summary>
/// The same inputs give byte-identical tool output across runs, across the current culture (<c>tr-TR</c>,
/// <c>de-DE</c>, <c>ar-SA</c>, invariant) and across the host's time zone. The inputs are chosen to trip culture- and
/// zone-sensitive code: decimals, negative numbers, dotted and dotless I in names and values, instants with offsets and
/// fractions, invalid lines whose messages quote numbers, and policies whose diagnostics do.
/// </summary>
/// <remarks>
/// The test project runs with real cultures (<c>InvariantGlobalization</c> false in its csproj; the tool itself stays
/// invariant). Changing the culture is process-wide for the thread pool, so this class runs alone
/// (<see cref="CultureSensitiveCollection"/>).
/// </remarks>
[Collection(nameof(CultureSensitiveCollection))]
public sealed class DeterminismTests(DeterminismTests.Inputs inputs) : IClassFixture<DeterminismTests.Inputs>
{
    public static TheoryData<string> Cultures => ["", "tr-TR", "de-DE", "ar-SA"];

    public static TheoryData<string> TimeZones => ["UTC", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham"];

    [Fact]
    public void Cultures_AreReal()
    {
        // Guards the test itself: with invariant globalization every culture would format like the invariant one.
        Assert.Equal("1,5", 1.5.ToString(new CultureInfo("de-DE")));
        Assert.Equal("ı", "I".ToLower(new CultureInfo("tr-TR")));
    }

    [Fact]
    public void InProcess_TwoRuns_GiveIdenticalOutput()
    {
        foreach (var (name, args) in inputs.Scenarios)
        {
            AssertSame(name, "second run", inputs.Baseline[name], RunUnder(CultureInfo.InvariantCulture, args));
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void InProcess_Culture_DoesNotChangeOutput(string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        foreach (var (name, args) in inputs.Scenarios)
        {
            AssertSame(name, "culture '" + culture + "'", inputs.Baseline[name], RunUnder(info, args));
        }
    }

    [Theory]
    [MemberData(nameof(TimeZones))]
    public void ChildProcess_TimeZone_DoesNotChangeOutput(string zone)
    {
        var environment = new Dictionary<string, string> { ["TZ"] = zone };
        Parallel.ForEach(inputs.ProcessScenarios, new ParallelOptions { MaxDegreeOfParallelism = 4 }, scenario =>
            AssertSame(scenario, "TZ=" + zone, inputs.Baseline[scenario], inputs.RunProcess(inputs.Scenarios[scenario], environment, invariantRuntimeConfig: true)));
    }

    [Fact]
    public void ChildProcess_TurkishLocale_DoesNotChangeOutput()
    {
        // DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=0 alone does not make the tool cultured: its runtimeconfig sets
        // System.Globalization.Invariant, which wins over the variable. So the child runs with a copy of the
        // runtimeconfig that turns invariant globalization off, and LANG really makes its culture tr-TR.
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0",
            ["LANG"] = "tr_TR.UTF-8",
            ["LC_ALL"] = "tr_TR.UTF-8",
            ["TZ"] = "Pacific/Chatham",
        };
        Parallel.ForEach(inputs.ProcessScenarios, new ParallelOptions { MaxDegreeOfParallelism = 4 }, scenario =>
            AssertSame(scenario, "LANG=tr_TR", inputs.Baseline[scenario], inputs.RunProcess(inputs.Scenarios[scenario], environment, invariantRuntimeConfig: false)));
    }

    [Fact]
    public void ChildProcess_NonInvariantRuntimeConfig_StartsWithIcu()
    {
        // Guards the test above: the runtimeconfig really turns invariant globalization off, and the tool still starts
        // (it would abort at start-up if it needed ICU and ICU could not be loaded).
        var output = inputs.RunProcess(["--version"], new Dictionary<string, string> { ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8" }, invariantRuntimeConfig: false);
        Assert.Equal(0, output.Code);
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(inputs.CultureRuntimeConfig))!;
        Assert.False(runtimeConfig["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"]!.GetValue<bool>());
    }

    private static Output RunUnder(CultureInfo culture, string[] args)
    {
        var (current, ui, defaultCurrent, defaultUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);
        try
        {
            // The tool runs work on the thread pool: set the default for new threads as well as this one.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = culture;
            using var bytes = new MemoryStream();
            var stderr = new StringWriter { NewLine = "\n" };
            int code;
            using (var stdout = new StreamWriter(bytes, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
            {
                code = Program.Run(args, stdout, stderr);
            }

            return new Output(code, bytes.ToArray(), Encoding.UTF8.GetBytes(stderr.ToString()));
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.DefaultThreadCurrentCulture = defaultCurrent;
            CultureInfo.DefaultThreadCurrentUICulture = defaultUi;
        }
    }

    private static void AssertSame(string scenario, string condition, Output expected, Output actual)
    {
        Assert.True(expected.Code == actual.Code, $"{scenario} under {condition}: exit code {actual.Code}, expected {expected.Code}; stderr:\n{Encoding.UTF8.GetString(actual.Stderr)}");
        AssertSameBytes(scenario + " stdout", condition, expected.Stdout, actual.Stdout);
        AssertSameBytes(scenario + " stderr", condition, expected.Stderr, actual.Stderr);
    }

    private static void AssertSameBytes(string what, string condition, byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        var want = Encoding.UTF8.GetString(expected).Split('\n');
        var got = Encoding.UTF8.GetString(actual).Split('\n');
        var line = Enumerable.Range(0, Math.Min(want.Length, got.Length)).FirstOrDefault(i => want[i] != got[i], Math.Min(want.Length, got.Length));
        var wantLine = line < want.Length ? want[line] : "(end)";
        var gotLine = line < got.Length ? got[line] : "(end)";
        var column = wantLine.AsSpan().CommonPrefixLength(gotLine);
        string Around(string text) => text[Math.Max(0, column - 60)..Math.Min(text.Length, column + 60)];
        Assert.Fail($"{what} under {condition} differs at line {line + 1}, column {column + 1}:\n  got:      …{Around(gotLine)}…\n  expected: …{Around(wantLine)}…");
    }

    /// <summary>Exit code and output bytes of one run.</summary>
    public sealed record Output(int Code, byte[] Stdout, byte[] Stderr);

    /// <summary>The input files (in a temporary directory), the scenarios, and each scenario's output under the invariant culture.</summary>
    public sealed class Inputs : IDisposable
    {
        private const string At = "2026-11-22T12:00:00Z";

        private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");

        private readonly string _directory = Directory.CreateTempSubdirectory("slaengine-determinism-").FullName;

        public Inputs()
        {
            var policies = Path.Combine(Samples, "policies");
            var rankBands = Path.Combine(policies, "rank-bands.yaml");
            var leads = Path.Combine(Samples, "leads", "leads.jsonl");
            var edge = Path.Combine(Samples, "leads", "edge-cases.jsonl");
            var hostile = Write("hostile-leads.jsonl", HostileLeads);
            var ops = Write("ops.jsonl", string.Concat(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "calendar", "c000.ops.jsonl")).Select(l => l + "\n")) + HostileOps);
            var broken = Write("broken.yaml", BrokenPolicy);
            var candidate = Write("candidate.yaml", File.ReadAllText(rankBands)
                .Replace("within: 2 business hours, warn_before: 30 minutes", "within: 90 minutes, warn_before: 45 minutes", StringComparison.Ordinal)
                .Replace("from: 60, to: 84", "from: 59.5, to: 84", StringComparison.Ordinal)
                .Replace("from: 45, to: 59,", "from: 45, to: 59.49,", StringComparison.Ordinal));
            var sourcePolicies = Directory.GetFiles(policies, "*.yaml").Where(p => !p.EndsWith(".tests.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
            var tests = Directory.GetFiles(policies, "*.tests.yaml").Order(StringComparer.Ordinal).ToArray();

            Scenarios = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["evaluate --explain (sample leads)"] = ["evaluate", "--policy", rankBands, "--at", At, "--leads", leads, "--explain"],
                ["evaluate --explain (edge cases)"] = ["evaluate", "--policy", rankBands, "--at", "2026-11-22T07:00:00.5-05:00", "--leads", edge, "--explain"],
                ["evaluate --explain (hostile leads)"] = ["evaluate", "--policy", rankBands, "--at", At, "--leads", hostile, "--explain"],
                ["evaluate --format table"] = ["evaluate", "--policy", rankBands, "--at", At, "--leads", leads, "--format", "table"],
                ["report --by tier"] = ["report", "--policy", rankBands, "--at", At, "--leads", leads, "--by", "tier"],
                ["report --by team --format table"] = ["report", "--policy", rankBands, "--at", At, "--leads", hostile, "--by", "team", "--format", "table"],
                ["calendar us-sales"] = ["calendar", "--policy", rankBands, "--calendar", "us-sales", "--ops", ops],
                ["calendar night-desk"] = ["calendar", "--policy", rankBands, "--calendar", "night-desk", "--ops", ops],
                ["due"] = ["due", "--policy", rankBands, "--calendar", "night-desk", "--from", "2026-03-29T00:30:00+01:00", "--within", "3 business hours"],
                ["validate"] = ["validate", .. sourcePolicies, broken, candidate],
                ["compare"] = ["compare", "--base", rankBands, "--candidate", candidate, "--at", At, "--leads", leads],
                ["compare --format table"] = ["compare", "--base", rankBands, "--candidate", candidate, "--at", At, "--leads", hostile, "--format", "table"],
                ["test --verbose"] = ["test", .. tests, "--verbose"],
            };
            ProcessScenarios = ["evaluate --explain (hostile leads)", "report --by team --format table", "calendar night-desk"];
            Baseline = Scenarios.ToDictionary(s => s.Key, s => RunUnder(CultureInfo.InvariantCulture, s.Value), StringComparer.Ordinal);

            // The tool's own runtimeconfig, with invariant globalization switched off (for the LANG=tr_TR child).
            var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(CliAssembly, ".runtimeconfig.json")))!;
            var properties = runtimeConfig["runtimeOptions"]!["configProperties"] ??= new JsonObject();
            properties["System.Globalization.Invariant"] = false;
            CultureRuntimeConfig = Write("culture.runtimeconfig.json", runtimeConfig.ToJsonString());
        }

        /// <summary>Gets every scenario: a name and the tool's arguments.</summary>
        public IReadOnlyDictionary<string, string[]> Scenarios { get; }

        /// <summary>Gets the scenarios also run as child processes (the ones that convert instants to local time; a process costs ~0.4 s).</summary>
        public IReadOnlyList<string> ProcessScenarios { get; }

        /// <summary>Gets each scenario's output in-process under the invariant culture.</summary>
        public IReadOnlyDictionary<string, Output> Baseline { get; }

        /// <summary>Gets a runtimeconfig for the tool with invariant globalization off.</summary>
        public string CultureRuntimeConfig { get; }

        /// <summary>Gets the built tool next to the test assembly (the test project references it).</summary>
        public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "SlaEngine.Cli.dll");

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        /// <summary>Runs the built tool as a child process: <c>dotnet exec [--runtimeconfig …] SlaEngine.Cli.dll ARGS</c>.</summary>
        public Output RunProcess(string[] args, IReadOnlyDictionary<string, string> environment, bool invariantRuntimeConfig)
        {
            var info = new ProcessStartInfo(SampleOutput.DotnetHost)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardErrorEncoding = Encoding.UTF8,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("exec");
            if (!invariantRuntimeConfig)
            {
                info.ArgumentList.Add("--runtimeconfig");
                info.ArgumentList.Add(CultureRuntimeConfig);
            }

            info.ArgumentList.Add(CliAssembly);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            foreach (var (name, value) in environment)
            {
                info.Environment[name] = value;
            }

            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            using var stdout = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(stdout);
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("slaengine " + string.Join(' ', args) + " did not finish within 60 s");
            }

            return new Output(process.ExitCode, stdout.ToArray(), Encoding.UTF8.GetBytes(stderr.Result.ReplaceLineEndings("\n")));
        }

        private string Write(string name, string content)
        {
            var path = Path.Combine(_directory, name);
            File.WriteAllText(path, content, new UTF8Encoding(false));
            return path;
        }

        // Each line probes something culture- or zone-sensitive; the invalid ones probe the error messages.
        private const string HostileLeads = """
            {"id":"T-dotted-I","mql_at":"2026-11-20T15:30:00.25+05:30","attributes":{"employees":250.75,"rank":84.5,"title":"DIRECTOR, İNSAN KAYNAKLARI","email":"INFO@RIVALCORP.COM.TR","country":"IE"}}
            {"id":"T-competitor-upper","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"email":"ISIL@RIVALCORP.COM","title":"Chief Information Officer"}}
            {"id":"T-negative","mql_at":"2026-11-20T15:30:00-03:30","attributes":{"rank":-12.5,"employees":-1,"title":"student","pain_with_provider":true}}
            {"id":"T-fraction","mql_at":"2026-11-20T23:59:59.9999999Z","attributes":{"rank":59.99,"employees":1e3,"purchase_timeline":"1-6 months"},"events":[{"type":"WHITEPAPER_DOWNLOAD","at":"2026-11-01T10:00:00.123Z"},{"type":"webinar_attended","at":"2026-11-10T17:00:00+13:45"}],"touches":[{"channel":"CALL","at":"2026-11-21T10:00:00+01:00"}]}
            {"id":"T-midnight-chatham","mql_at":"2026-09-27T02:45:00+12:45","attributes":{"rank":70,"employees":5,"country":"GB"}}
            {"id":"T-dst-gap","mql_at":"2026-03-08T07:30:00Z","attributes":{"rank":88,"employees":500}}
            {"id":"T-paused","mql_at":"2026-11-19T15:30:00Z","attributes":{"rank":66,"employees":150},"paused":[{"from":"2026-11-19T16:00:00.5Z","to":"2026-11-20T16:00:00Z"}],"disposition":{"outcome":"disqualify","at":"2026-11-21T12:00:00Z"}}
            {"id":"T-local-instant","mql_at":"2026-11-20T15:30:00","attributes":{"rank":90}}
            {"id":"T-date-only","mql_at":"2026-11-20","attributes":{"rank":90}}
            {"id":"T-comma-decimal","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":"84,5"}}
            {"id":"T-huge","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":1e400}}
            {"id":"T-year-out-of-range","mql_at":"2600-01-01T00:00:00Z","attributes":{"rank":90}}
            {"id":"T-truncated","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":9
            [1.5,-2]

            """;

        private const string HostileOps = """
            {"op":"add","from":"2026-11-20T15:30:00.5+05:30","duration":"90 business minutes"}
            {"op":"subtract","from":"2026-11-23T09:00:00-05:00","duration":"1 business hours"}
            {"op":"add","from":"2026-03-08T06:30:00Z","duration":"24 hours"}
            {"op":"add","from":"2026-03-28T23:30:00Z","duration":"1 days"}
            {"op":"add_days","from":"2026-11-25T16:59:59.9999999Z","days":2}
            {"op":"add_days","from":"2026-11-25T16:00:00Z","days":-3}
            {"op":"between","from":"2026-11-20T15:30:00.123Z","to":"2026-12-31T12:00:00Z"}
            {"op":"between","from":"2026-12-31T12:00:00Z","to":"2026-11-20T15:30:00Z"}
            {"op":"is_open","at":"2026-10-25T01:30:00+01:00"}
            {"op":"next_open","at":"2026-12-24T13:00:00-05:00"}
            {"op":"add","from":"2026-11-20T15:30:00","duration":"1 business hours"}
            {"op":"add","from":"2026-11-20T15:30:00Z","duration":"1,5 hours"}
            {"op":"add","from":"2026-11-20T15:30:00Z","duration":"1.5 hours"}
            {"op":"add","from":"2499-12-31T12:00:00Z","duration":"9 business days"}
            {"op":"add_days","from":"1700-01-01T00:00:00Z","days":1.5}
            {"op":"between","from":"1699-12-31T00:00:00Z","to":"2026-01-01T00:00:00Z"}
            {"op":"IS_OPEN","at":"2026-11-20T15:30:00Z"}
            {"op":"is_open"}
            [1,2]

            """;

        // Errors and warnings that quote numbers, names with I/ı/İ, a bad zone, a bad regex and a mistyped field.
        private const string BrokenPolicy = """
            policy: İnvalid-ID
            version: 1.5
            calendars:
              office:
                zone: Europe/Istanbul
                hours:
                  mon-fri: [09:00-17:00, 16:30-18:00]
                  SAT: [10:00-10:00]
                holidays:
                  - { rule: 6th mon of feb }
              ıstanbul:
                zone: Asia/İstanbul
                hours: { mon: [09:00-17:00] }
            fields:
              TITLE: string
              rank: number
              tier_hint: { enum: [Iron, iron, İron] }
            scoring:
              rules:
                - { name: senior, when: 'title matches "(?i)(vp"', points: 1.5e3 }
                - { name: big, when: 'rank >= 1,5', points: -0.25 }
                - { name: hint, when: 'tier_hint == "IRON"', points: 2 }
            qualification:
              score_threshold: 50.5
            bands:
              by: rank
              ranges:
                - { name: A, from: 84.5, to: 100, tier: platinum }
                - { name: B, from: 60, to: 84.75, tier: gold }
            routing:
              - { when: 'TITLE contains "I"', team: İstanbul, calendar: office }
            tiers:
              platinum:
                first_touch: { channels: [call], within: 1.5 business hours }
                effort: { call: 0 }
              gold:
                first_touch: { channels: [call], within: 2 business hours, warn_before: 3 hours }
            """;
    }
}

/// <summary>Tests that change process-wide state (the thread pool's default culture) run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(CultureSensitiveCollection), DisableParallelization = true)]
public sealed class CultureSensitiveCollection;
