using System.Text;
using NodaTime;
using SlaEngine.Cli.Commands;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Robustness;

/// <summary>
/// Mutation fuzzing of policies and lead lines: every case ends in a result or a located error with a stable code,
/// never an unhandled exception. The default run is short; set SLAENGINE_FUZZ_CASES for long runs.
/// </summary>
public sealed class FuzzTests
{
    private static readonly int? CasesOverride = int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_CASES"), out var n) ? n : null;

    /// <summary>Mutated policies per run (each is a full load): cheap enough at 800.</summary>
    private static readonly int PolicyCases = CasesOverride ?? 800;

    /// <summary>Mutated lead lines per run (each is a read and an evaluation, microseconds): 5,000.</summary>
    private static readonly int LeadCases = CasesOverride ?? 5_000;

    private static readonly string[] Hostile =
    [
        "!!python/object/apply:os.system [\"rm -rf /\"]",
        "!<tag:yaml.org,2002:str> x",
        "&a [*a]",
        "99999999999999999999999999999999999999",
        "-1e309",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "\u202e\u0000\ud7ff\uffff",
        "'unterminated",
        "{ when: 'x matches \"(a+)+$\"' }",
        "24:61-25:00",
        "- { rule: 6th mon of feb }",
    ];

    [Fact]
    public void MutatedPolicies_LoadOrReportLocatedErrors()
    {
        var sources = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "policies"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "evaluation"), "*.yaml"))
            .Select(File.ReadAllText)
            .ToArray();
        var random = new Random(20261123);
        for (var i = 0; i < PolicyCases; i++)
        {
            var text = Mutate(sources[i % sources.Length], random);
            var result = PolicyLoader.TryLoad(text, "fuzz.yaml");
            Assert.True(result.Success || result.Diagnostics.Any(d => d.IsError && d.Line > 0 && d.Code.StartsWith("SLA", StringComparison.Ordinal)), $"case {i}: no located error for:\n{text}");
            var lines = text.Split(["\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029"], StringSplitOptions.None);
            foreach (var d in result.Diagnostics)
            {
                Assert.True(d.Line >= 1 && d.Line <= lines.Length && d.Column >= 1 && d.Column <= lines[d.Line - 1].Length + 1, $"case {i}: {d} lies outside the text:\n{text}");
            }

            if (result.Success)
            {
                var lead = new LeadSnapshot("fuzz") { MqlAt = Instant.FromUtc(2026, 11, 20, 15, 30) };
                result.Policy!.Evaluate(lead, Instant.FromUtc(2026, 11, 22, 12, 0));
            }
        }
    }

    [Fact]
    public void MutatedLeadLines_EvaluateOrReportAnError()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "evaluation", "lattice-predictive.yaml"));
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "evaluation", "lattice-predictive-0-leads.jsonl"));
        var random = new Random(7);
        var at = Instant.FromUtc(2026, 11, 22, 12, 0);
        for (var i = 0; i < LeadCases; i++)
        {
            var bytes = MutateBytes(Encoding.UTF8.GetBytes(lines[i % lines.Length]), random);
            var outcome = EvaluateCommand.Process(policy, bytes, i + 1, at, EvaluationOptions.WithTrace);
            Assert.True(outcome.Evaluation is not null || (outcome.ErrorCode?.StartsWith("SLA07", StringComparison.Ordinal) == true && outcome.ErrorMessage!.Length > 0), $"case {i}");
            Assert.False(string.IsNullOrEmpty(outcome.Json(explain: true)));
        }
    }

    [Theory]
    [InlineData("{\"id\":\"x\",\"mql_at\":\"9999-12-31T23:59:59Z\"}")] // far-future SLA start: out of the calendar's range
    [InlineData("{\"id\":\"x\",\"mql_at\":\"0001-01-01T00:00:00Z\",\"attributes\":{\"purchase_timeline\":\"now\",\"rank\":90}}")] // far past
    [InlineData("{\"id\":\"x\",\"touches\":[{\"channel\":\"call\"}]}")] // a touch without an instant
    [InlineData("{\"id\":\"x\",\"paused\":[{\"from\":\"2026-11-22T00:00:00Z\",\"to\":\"2026-11-21T00:00:00Z\"}]}")] // a pause that ends before it starts
    [InlineData("{\"id\":\"x\",\"attributes\":{\"rank\":\"ninety\"}}")] // a number field holding text
    [InlineData("{\"id\":\"x\",\"disposition\":{\"outcome\":\"win\",\"at\":\"2026-11-21T00:00:00Z\"}}")] // an unknown outcome
    [InlineData("[1,2,3]")] // not an object
    [InlineData("")] // a blank line
    [InlineData("{\"id\":\"x\"")] // a truncated line
    public void HostileLeadLines_NeverThrow(string line)
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "evaluation", "lattice-predictive.yaml"));
        var outcome = EvaluateCommand.Process(policy, Encoding.UTF8.GetBytes(line), 1, Instant.FromUtc(2026, 11, 22, 12, 0), EvaluationOptions.WithTrace);
        Assert.NotNull(outcome.Json(explain: false));
    }

    [Fact]
    public void HugeAndInvalidUtf8Lines_ReportAnError()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "evaluation", "lattice-predictive.yaml"));
        var at = Instant.FromUtc(2026, 11, 22, 12, 0);
        var huge = Encoding.UTF8.GetBytes("{\"id\":\"x\",\"attributes\":{\"title\":\"" + new string('a', 10 * 1024 * 1024) + "\"}}");
        Assert.Equal("SLA0707", EvaluateCommand.Process(policy, huge, 1, at, EvaluationOptions.WithTrace).ErrorCode);
        byte[] invalid = [(byte)'{', (byte)'"', (byte)'i', (byte)'d', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}'];
        Assert.Equal("SLA0701", EvaluateCommand.Process(policy, invalid, 1, at, EvaluationOptions.WithTrace).ErrorCode);
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(7))
        {
            case 0:
                lines.RemoveAt(random.Next(lines.Count));
                break;
            case 1:
                var dup = random.Next(lines.Count);
                lines.Insert(dup, lines[dup]);
                break;
            case 2:
                var a = random.Next(lines.Count);
                var b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            case 3:
                var line = random.Next(lines.Count);
                lines[line] = lines[line] + " " + Hostile[random.Next(Hostile.Length)];
                break;
            case 4:
                var target = random.Next(lines.Count);
                var colon = lines[target].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    lines[target] = lines[target][..(colon + 1)] + " " + Hostile[random.Next(Hostile.Length)];
                }

                break;
            default:
                return Encoding.UTF8.GetString(MutateBytes(Encoding.UTF8.GetBytes(text), random));
        }

        return string.Join('\n', lines);
    }

    private const string Punctuation = "{}[]\":,0123456789-.ZT \\";

    private static byte[] MutateBytes(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        var flips = 1 + random.Next(4);
        for (var i = 0; i < flips && copy.Length > 0; i++)
        {
            var at = random.Next(copy.Length);
            copy[at] = random.Next(3) switch
            {
                0 => (byte)random.Next(256),
                1 => (byte)Punctuation[random.Next(Punctuation.Length)],
                _ => copy[Math.Max(0, at - 1)],
            };
        }

        return random.Next(5) == 0 ? copy[..random.Next(copy.Length + 1)] : copy;
    }
}
