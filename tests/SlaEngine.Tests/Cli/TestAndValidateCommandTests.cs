using static SlaEngine.Tests.Cli.CliRunner;

namespace SlaEngine.Tests.Cli;

/// <summary><c>slaengine test</c> output for lists, and <c>slaengine validate</c> given tests files.</summary>
public sealed class TestAndValidateCommandTests
{
    private static readonly string RankBandsTests = Path.Combine(CliRunner.Samples, "policies", "rank-bands.tests.yaml");

    private static string TestsFile(string expect) => $$"""
        policy: {{RankBands}}
        tests:
          - name: ladder
            at: 2026-11-22T12:00:00Z
            lead: { id: t1, mql_at: 2026-11-20T15:30:00Z, attributes: { rank: 91, purchase_timeline: now } }
            expect:
        {{expect}}
        """;

    [Fact]
    public void Test_ListOfAnotherLength_NamesTheLengthsThenEachItem()
    {
        using var file = new TestsYaml(TestsFile("""
                  escalations:
                    - { fired: false }
            """));

        var (code, stdout, _) = Rendered.Run(o => Rendered.Redirected(o, 250), "test", file.Path);

        Assert.Equal(1, code);
        Assert.Matches(@"\n  \d+ +escalations +1 item +3 items\n", stdout);
        Assert.Matches(@"\n  \d+ +escalations\[0\]\.fired +false +true\n", stdout);
        Assert.Matches(@"\n  \d+ +escalations\[1\] +\(no item\) +\{""after"":""48 hours"",", stdout);
        Assert.Matches(@"\n  \d+ +escalations\[2\] +\(no item\) +\{""after"":""72 hours"",", stdout);
        Assert.EndsWith("0 passed, 1 failed\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_NarrowTerminal_LongValuesWrapInsideTheirColumns()
    {
        using var file = new TestsYaml(TestsFile("""
                  escalations: []
            """));

        var (_, stdout, _) = Rendered.Run(o => Rendered.Redirected(o, 70), "test", file.Path);

        Assert.All(Lines(stdout).Where(l => l.StartsWith("  ", StringComparison.Ordinal)), line => Assert.True(line.Length <= 70, line));
        Assert.Contains("(no item)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TestsFile_ValidatedAsTestsNotAsAPolicy()
    {
        var (code, stdout, _) = Run("validate", RankBands, RankBandsTests);

        Assert.Equal(0, code);
        Assert.Empty(stdout); // no "unknown key `tests`" from reading the tests file as a policy
    }

    [Fact]
    public void Validate_FailingExpectation_IsNotAValidationError()
    {
        using var file = new TestsYaml(TestsFile("      status: excluded"));

        var (code, stdout, _) = Run("validate", file.Path);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Validate_BrokenTestsFile_LocatedErrorsAndExit1()
    {
        using var file = new TestsYaml(TestsFile("      colour: red").Replace("mql_at: 2026-11-20T15:30:00Z", "mql_at: 12", StringComparison.Ordinal));

        var (code, stdout, _) = Run("validate", file.Path);

        Assert.Equal(1, code);
        Assert.Contains($"{file.Path}:5:", stdout, StringComparison.Ordinal);
        Assert.Contains("error SLA0902: unknown key `colour` in `expect`", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TestsFileWithMissingPolicy_Exit1()
    {
        using var file = new TestsYaml(TestsFile("      status: mql").Replace(RankBands, "missing.yaml", StringComparison.Ordinal));

        var (code, stdout, _) = Run("validate", file.Path);

        Assert.Equal(1, code);
        Assert.Contains("error SLA0905", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.tests.yaml", true)]
    [InlineData("A.TESTS.YAML", true)] // any case, as the policy store
    [InlineData("a.yaml", false)]
    [InlineData("tests.yaml", false)] // a policy that happens to be called tests
    [InlineData("a.tests.yml", false)]
    public void IsTestsFile_SameRuleAsThePolicyStore(string name, bool expected)
    {
        Assert.Equal(expected, SlaEngine.Cli.Commands.ValidateCommand.IsTestsFile(name));
    }

    /// <summary>A temporary <c>*.tests.yaml</c> file.</summary>
    private sealed class TestsYaml : IDisposable
    {
        internal TestsYaml(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "slaengine-" + Guid.NewGuid().ToString("N") + ".tests.yaml");
            File.WriteAllText(Path, text);
        }

        internal string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
