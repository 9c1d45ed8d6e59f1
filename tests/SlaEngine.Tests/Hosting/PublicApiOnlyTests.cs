using System.Text.RegularExpressions;
using SlaEngine.Tests.Architecture;

namespace SlaEngine.Tests.Hosting;

/// <summary>
/// The tool and the samples stand on the public API like any host, and nothing learns what happened by reading an
/// exception's message: errors are values with codes.
/// </summary>
public sealed partial class PublicApiOnlyTests
{
    private static readonly string Root = ArchitectureTests.RepositoryRoot();

    [Fact]
    public void Library_GrantsInternalsOnlyToItsTestsAndBenchmarks()
    {
        var granted = InternalsVisibleTo().Matches(File.ReadAllText(Path.Combine(Root, "src", "SlaEngine", "SlaEngine.csproj"))).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["SlaEngine.Tests", "SlaEngine.Benchmarks"], granted);
    }

    [Fact]
    public void SourcesAndSamples_NeverParseExceptionMessages()
    {
        var offenders = Files("src").Concat(Files("samples"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => ExceptionTextParsing().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Exception text taken apart:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Samples_UseTheCodeConstants()
    {
        var offenders = Files("samples").Where(f => File.ReadAllText(f).Contains("\"SLA0", StringComparison.Ordinal)).ToList();

        Assert.True(offenders.Count == 0, "Hard-coded codes (use DiagnosticCodes): " + string.Join(", ", offenders));
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("""<InternalsVisibleTo Include="([^"]+)" />""")]
    private static partial Regex InternalsVisibleTo();

    [GeneratedRegex("""\(Parameter|Message\.Split|Message\.Replace|Message\.IndexOf|Message\.Contains|Message\.StartsWith""")]
    private static partial Regex ExceptionTextParsing();
}
