using SlaEngine.Fuzz;

namespace SlaEngine.Tests.Fuzzing;

/// <summary>
/// The fuzzing regression corpus, replayed in every test run: each seed (tests/SlaEngine.Fuzz/corpus) and each input
/// a fuzzer found (tests/SlaEngine.Fuzz/findings) goes through its target's contract checks in-process, uninstrumented.
/// A finding stays here after its fix, so the bug cannot come back unnoticed.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "fuzz");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "corpus", "findings" })
        {
            var folder = Path.Combine(Root, kind);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
                data.Add(relative.Split('/')[1], relative);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_KeepsTheContract(string target, string path)
    {
        Assert.True(FuzzTargets.TryGet(target, out var run), $"{path}: no fuzz target named '{target}'");
        var failure = FuzzTargets.Replay(run, File.ReadAllBytes(Path.Combine(Root, path)));
        Assert.True(failure is null, $"{path} breaks the contract of the '{target}' target:\n{failure}");
    }

    [Fact]
    public void EveryTarget_HasSeedsAndADictionaryOrNeedsNone()
    {
        foreach (var target in FuzzTargets.Names)
        {
            var seeds = Path.Combine(Root, "corpus", target);
            Assert.True(Directory.Exists(seeds) && Directory.GetFiles(seeds).Length > 0, $"target '{target}' has no seed corpus");
            Assert.True(File.Exists(Path.Combine(Root, "dict", target + ".dict")), $"target '{target}' has no dictionary");
        }
    }

    [Fact]
    public void Findings_AreReplayed()
    {
        // Every finding fixed so far; an empty folder would mean the regression inputs were lost.
        var findings = Path.Combine(Root, "findings");
        Assert.True(Directory.Exists(findings) && Directory.GetFiles(findings, "*", SearchOption.AllDirectories).Length > 0, "no fuzz findings to replay");
    }

    [Fact]
    public void Replay_ReportsABrokenContract()
    {
        // The replay itself must be able to fail: a target that throws is reported, not swallowed.
        var failure = FuzzTargets.Replay(_ => throw new ContractViolation("boom"), [1, 2, 3]);
        Assert.NotNull(failure);
        Assert.Contains("boom", failure, StringComparison.Ordinal);
    }
}
