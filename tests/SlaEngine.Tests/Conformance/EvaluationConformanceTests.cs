using System.Text.Json;
using SlaEngine.Cli;

namespace SlaEngine.Tests.Conformance;

/// <summary>
/// Runs the 240 lead evaluations of the independent reference (../shared/conformance/evaluation, copied under
/// TestData) through the real tool, in-process, and compares every field the reference fixes.
/// </summary>
public sealed class EvaluationConformanceTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "evaluation");

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
    public void Evaluate_ConformanceCase_MatchesReference(string policy, string name)
    {
        var at = File.ReadAllText(Path.Combine(Root, name + ".args")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(
            ["evaluate", "--policy", Path.Combine(Root, policy), "--leads", Path.Combine(Root, name + "-leads.jsonl"), .. at],
            stdout,
            stderr);
        Assert.True(code == 0, stderr.ToString());

        var got = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!);
        var errors = new List<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Root, name + "-expected.jsonl")))
        {
            var expected = JsonDocument.Parse(line).RootElement;
            var id = expected.GetProperty("id").GetString()!;
            if (!got.TryGetValue(id, out var actual))
            {
                errors.Add($"{id}: no output line");
                continue;
            }

            foreach (var property in expected.EnumerateObject().Where(p => p.Name != "id"))
            {
                ConformanceMatcher.Match(property.Name, property.Value, actual, $"{name}/{id}", errors);
            }
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }
}
