using System.Text.Json;
using NodaTime;
using SlaEngine.Cli;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Timeline;

/// <summary>
/// Runs the timeline vectors of the independent reference (../shared/conformance/timeline, copied under TestData)
/// through the library and through the tool, and compares next_change_at and every transition item, keys included.
/// </summary>
public sealed class TimelineConformanceTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "timeline");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Root, "cases.txt")).Where(l => l.Trim().Length > 0))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            data.Add(parts[0], parts[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Library_ConformanceCase_MatchesReference(string policyFile, string name)
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(Root, policyFile));
        var (at, until) = Args(name);
        var leads = File.ReadAllLines(Path.Combine(Root, name + "-leads.jsonl"));
        var expected = File.ReadAllLines(Path.Combine(Root, name + "-expected.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(expected.Count, leads.Length);
        var errors = new List<string>();
        for (var i = 0; i < leads.Length; i++)
        {
            var read = LeadSnapshot.Parse(leads[i]);
            if (expected[i].TryGetProperty("error", out _))
            {
                Assert.False(read.Success && policy.TryEvaluate(read.Value, at).Success, $"line {i + 1} should be invalid");
                continue;
            }

            Assert.True(read.Success, read.Error?.Message);
            var timeline = policy.Timeline(read.Value, at, until);
            var actual = JsonDocument.Parse(TimelineJson.Serialize(timeline)).RootElement;
            Compare(expected[i], actual, $"{name}/{read.LeadId}", errors);

            // next_change_at of the evaluation is the timeline's first transition (the default horizon covers these).
            var evaluation = policy.Evaluate(read.Value, at, EvaluationOptions.WithoutTrace);
            if (timeline.NextChangeAt is { } next)
            {
                Assert.Equal(next, evaluation.NextChangeAt);
            }
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tool_ConformanceCase_MatchesReference(string policyFile, string name)
    {
        var args = File.ReadAllText(Path.Combine(Root, name + ".args")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter();
        var code = Program.Run(["timeline", "--policy", Path.Combine(Root, policyFile), "--leads", Path.Combine(Root, name + "-leads.jsonl"), .. args], stdout, stderr);
        var expected = File.ReadAllLines(Path.Combine(Root, name + "-expected.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var got = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(expected.Any(e => e.TryGetProperty("error", out _)) ? 3 : 0, code);
        Assert.Equal(expected.Count, got.Count);
        var errors = new List<string>();
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].GetProperty("id").GetString(), got[i].GetProperty("id").GetString());
            if (expected[i].TryGetProperty("error", out _))
            {
                Assert.Equal(JsonValueKind.Object, got[i].GetProperty("error").ValueKind);
                Assert.Equal(i + 1, got[i].GetProperty("error").GetProperty("line").GetInt32());
                continue;
            }

            Compare(expected[i], got[i], $"{name}/line {i + 1}", errors);
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    internal static (Instant At, Instant Until) Args(string name)
    {
        var args = File.ReadAllText(Path.Combine(Root, name + ".args")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(InstantText.TryParse(args[Array.IndexOf(args, "--at") + 1], out var at));
        Assert.True(InstantText.TryParse(args[Array.IndexOf(args, "--until") + 1], out var until));
        return (at, until);
    }

    /// <summary>Compares as the reference's checker does: items in order, except one milestone's due/status at one instant.</summary>
    private static void Compare(JsonElement expected, JsonElement actual, string where, List<string> errors)
    {
        var next = expected.GetProperty("next_change_at").ToString();
        if (actual.GetProperty("next_change_at").ToString() != next)
        {
            errors.Add($"{where}: next_change_at {actual.GetProperty("next_change_at")}, expected {next}");
            return;
        }

        var a = Items(expected.GetProperty("transitions"));
        var b = Items(actual.GetProperty("transitions"));
        if (!a.SequenceEqual(b))
        {
            var k = Enumerable.Range(0, Math.Min(a.Count, b.Count)).FirstOrDefault(k => a[k] != b[k], Math.Min(a.Count, b.Count));
            errors.Add($"{where}: {b.Count} items, expected {a.Count}; first difference at {k + 1}: expected {(k < a.Count ? a[k] : "-")}, got {(k < b.Count ? b[k] : "-")}");
        }
    }

    private static List<string> Items(JsonElement transitions)
    {
        var items = transitions.EnumerateArray().Select(t => (
            Group: t.GetProperty("at").GetString() + " " + t.GetProperty("subject").GetString(),
            Subject: t.GetProperty("subject").GetString(),
            Field: t.GetProperty("field").GetString(),
            Text: string.Join(" ", t.GetProperty("at").GetString(), t.GetProperty("subject").GetString(), t.GetProperty("field").GetString(), Canonical(t.GetProperty("from")), Canonical(t.GetProperty("to")), t.GetProperty("key").GetString()))).ToList();
        var result = new List<string>();
        for (var i = 0; i < items.Count;)
        {
            var j = i;
            while (j < items.Count && items[j].Group == items[i].Group)
            {
                j++;
            }

            var group = items.Skip(i).Take(j - i);
            result.AddRange((items[i].Subject == "lead" ? group : group.OrderBy(x => x.Field, StringComparer.Ordinal)).Select(x => x.Text));
            i = j;
        }

        return result;
    }

    private static string Canonical(JsonElement value) => value.ValueKind == JsonValueKind.Object
        ? "{" + string.Join(",", value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + ":" + p.Value)) + "}"
        : value.GetRawText();
}
