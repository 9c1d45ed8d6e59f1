namespace SlaEngine.Tests.Authoring;

/// <summary>The sample policies are valid and their hand-computed tests pass through the real tool.</summary>
public sealed class SampleTestsTests
{
    [Fact]
    public void Test_AllSampleTestFiles_Pass()
    {
        var files = Directory.GetFiles(CliRunner.SamplesDirectory, "*.tests.yaml")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "backtest"), "*.tests.yaml"))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 5, "expected a tests file per sample policy");

        var (code, stdout, _) = CliRunner.Run(["test", .. files]);

        Assert.True(code == 0, stdout);
        var closing = stdout.TrimEnd('\n').Split('\n')[^1];
        Assert.Matches(@"^\d+ passed, 0 failed$", closing);
        Assert.True(int.Parse(closing.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) >= 60, closing);
    }

    [Fact]
    public void Test_EverySamplePolicy_HasATestsFile()
    {
        var policies = Directory.GetFiles(CliRunner.SamplesDirectory, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal));
        foreach (var policy in policies)
        {
            Assert.True(File.Exists(Path.ChangeExtension(policy, ".tests.yaml")), policy);
        }
    }

    [Fact]
    public void Validate_SamplePolicies_HaveNoErrors()
    {
        var policies = Directory.GetFiles(CliRunner.SamplesDirectory, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)).ToArray();

        var (code, stdout, _) = CliRunner.Run(["validate", .. policies]);

        Assert.True(code == 0, stdout);
        Assert.DoesNotContain(": error ", stdout, StringComparison.Ordinal);
    }
}
