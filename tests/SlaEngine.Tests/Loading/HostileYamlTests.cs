using System.Diagnostics;
using System.Text;

namespace SlaEngine.Tests.Loading;

/// <summary>Untrusted YAML (spec 2.4): every hostile document is rejected quickly with a located error, never a crash.</summary>
public sealed class HostileYamlTests
{
    [Fact]
    public void TryLoad_BillionLaughs_RejectedAsAliasExpansion()
    {
        var yaml = new StringBuilder("policy: p\nversion: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var result = PolicyLoader.TryLoad(yaml.ToString());

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
        var error = Assert.Single(result.Errors);
        Assert.Equal("SLA0006", error.Code);
        Assert.Equal(6, error.Line); // a3 is the first level past 10,000 expanded nodes
    }

    [Fact]
    public void TryLoad_DeepNesting_RejectedAtTheSixtyFifthLevel()
    {
        var yaml = "policy: p\nversion: 1\ndeep: " + new string('[', 200) + new string(']', 200) + "\n";

        var error = Assert.Single(PolicyLoader.TryLoad(yaml).Errors);

        Assert.Equal("SLA0005", error.Code);
        Assert.Equal((3, 7 + 63), (error.Line, error.Column)); // root mapping is level 1, so the 64th `[` (from column 7) is level 65
    }

    [Fact]
    public void TryLoad_DeepNestingThroughAliases_Rejected()
    {
        var yaml = "policy: p\nversion: 1\na: &a " + new string('[', 40) + new string(']', 40) + "\nb: " + new string('[', 30) + "*a" + new string(']', 30) + "\n";

        Assert.Contains(PolicyLoader.TryLoad(yaml).Errors, e => e.Code == "SLA0005" && e.Line == 4);
    }

    [Fact]
    public void TryLoad_DocumentOverOneMebibyte_RejectedWithoutParsing()
    {
        var yaml = "policy: p\nversion: 1\ndescription: \"" + new string('x', 1024 * 1024) + "\"\n";

        var error = Assert.Single(PolicyLoader.TryLoad(yaml).Errors);

        Assert.Equal(("SLA0004", 1, 1), (error.Code, error.Line, error.Column));
    }

    [Theory]
    [InlineData("policy: p\nversion: 1\nx: !!python/object/apply:os.system [\"rm -rf /\"]\n", 3, 4)] // python payload
    [InlineData("policy: p\nversion: 1\nx: !System.Diagnostics.Process { StartInfo: { FileName: sh } }\n", 3, 4)] // .NET type tag
    [InlineData("policy: !!str p\nversion: 1\n", 1, 9)] // even a harmless standard tag
    [InlineData("%TAG !e! tag:example.com,2000:\n---\npolicy: !e!x p\nversion: 1\n", 3, 9)] // tag shorthand
    public void TryLoad_TypeTag_Rejected(string yaml, int line, int column)
    {
        Assert.Contains(PolicyLoader.TryLoad(yaml).Errors, e => e.Code == "SLA0007" && e.Line == line && e.Column == column);
    }

    [Fact]
    public void TryLoad_MultipleDocuments_Rejected()
    {
        var error = Assert.Single(PolicyLoader.TryLoad("policy: a\nversion: 1\n---\npolicy: b\nversion: 1\n").Errors);

        Assert.Equal(("SLA0003", 3, 1), (error.Code, error.Line, error.Column));
    }

    [Theory]
    [InlineData("\t- a\n")]                             // tab indentation
    [InlineData("policy: \"unterminated\n")]           // open quote
    [InlineData("a: b: c\n")]                          // mapping in a plain scalar
    [InlineData("[\n")]                                // open flow list
    [InlineData("policy: p\n  version: 1\n bad\n")]    // broken indentation
    [InlineData("\u0000\u0001\u0002")]                 // control characters
    [InlineData("*unknown\n")]                         // alias without anchor
    public void TryLoad_Garbage_ReportsErrorsWithoutThrowing(string yaml)
    {
        var result = PolicyLoader.TryLoad(yaml);

        Assert.False(result.Success);
        Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
    }
}
