using System.Text.RegularExpressions;

namespace SlaEngine.Tests.Docs;

/// <summary>docs/cookbook.md quotes the sample policies: every YAML block must still be in one of them, verbatim.</summary>
public sealed partial class CookbookTests
{
    [Fact]
    public void EveryYamlBlock_IsQuotedFromASamplePolicy()
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "cookbook.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "policies"), "*.yaml")
            .ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).Replace("\r\n", "\n", StringComparison.Ordinal));

        var blocks = YamlBlock().Matches(doc).Select(m => m.Groups["body"].Value).ToList();

        Assert.True(blocks.Count >= 7, "the cookbook should quote every recipe's policy");
        Assert.All(blocks, block => Assert.True(
            samples.Values.Any(text => text.Contains(block, StringComparison.Ordinal)),
            "this cookbook block is not in any of samples/policies/*.yaml any more:\n" + block));
    }

    [GeneratedRegex("```yaml\\n(?<body>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlBlock();
}
