using System.Diagnostics;
using System.Text.RegularExpressions;
using SlaEngine.Tests.Hosting;

namespace SlaEngine.Tests.Docs;

/// <summary>docs/getting-started.md shows exactly the sample samples/GettingStarted, and the output it shows is what the sample prints.</summary>
public sealed partial class GettingStartedTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "getting-started.md"));

    [Fact]
    public void Doc_PolicyBlock_IsTheSamplePolicy()
    {
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "GettingStarted", "first-policy.yaml"));

        Assert.Equal(Normalize(sample), Normalize(Block("yaml")));
    }

    [Fact]
    public void Doc_ProgramBlock_IsTheSampleProgram()
    {
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "GettingStarted", "Program.cs"));

        Assert.Equal(Normalize(sample), Normalize(Block("csharp")));
    }

    [Fact]
    public async Task Sample_Run_PrintsTheOutputShownInTheDoc()
    {
        var assembly = SampleOutput.Locate("GettingStarted", "SlaEngine.Samples.GettingStarted.dll");
        var info = new ProcessStartInfo(SampleOutput.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        info.ArgumentList.Add(assembly);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the getting-started sample did not finish within 60 s");
        }

        var output = await stdout;
        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal(Normalize(Block("text")), Normalize(output));
    }

    private static string Block(string language)
    {
        var match = FencedBlock(language).Match(Doc);
        Assert.True(match.Success, $"docs/getting-started.md has no ```{language} block");
        return match.Groups["body"].Value;
    }

    private static Regex FencedBlock(string language) => new($"```{Regex.Escape(language)}\\r?\\n(?<body>.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
