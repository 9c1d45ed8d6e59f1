using System.Text;
using System.Text.RegularExpressions;
using SlaEngine.Cli;

namespace SlaEngine.Tests.Cli;

/// <summary>
/// docs/cli.md carries every command's <c>--help</c> output verbatim; this test compares them. After changing a command,
/// run it with <c>SLAENGINE_UPDATE_CLI_DOCS=1</c> to rewrite the blocks in the repository's docs/cli.md.
/// </summary>
public sealed partial class CliDocsTests
{
    [Fact]
    public void CliDoc_EveryCommandsHelp_IsTheToolsOwn()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "docs", "cli.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var expected = Generate(text);

        if (Environment.GetEnvironmentVariable("SLAENGINE_UPDATE_CLI_DOCS") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryRoot(), "docs", "cli.md"), expected);
            return;
        }

        Assert.True(expected == text, "docs/cli.md differs from the tool's --help; run this test with SLAENGINE_UPDATE_CLI_DOCS=1 to regenerate it.");
    }

    [Fact]
    public void CliDoc_HasABlockForEveryCommand()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "cli.md"));

        foreach (var (name, _) in Program.Commands)
        {
            Assert.Contains($"<!-- help:{name} -->", text, StringComparison.Ordinal);
        }
    }

    /// <summary>The document with each help block replaced by the tool's current help.</summary>
    private static string Generate(string text) => HelpBlock().Replace(text, match =>
    {
        var command = match.Groups["command"].Value;
        var stdout = new StringWriter { NewLine = "\n" };
        var code = Program.Run(command.Length == 0 ? ["--help"] : [command, "--help"], stdout, TextWriter.Null);
        Assert.Equal(0, code);
        var block = new StringBuilder()
            .Append("<!-- help:").Append(command).Append(" -->\n")
            .Append("```text\n").Append(stdout.ToString().TrimEnd('\n')).Append("\n```\n")
            .Append("<!-- /help -->");
        return block.ToString();
    });

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SlaEngine.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SlaEngine.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"<!-- help:(?<command>[a-z-]*) -->\n.*?<!-- /help -->", RegexOptions.Singleline)]
    private static partial Regex HelpBlock();
}
