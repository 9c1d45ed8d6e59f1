using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using SlaEngine.Policies;

namespace SlaEngine.Tests.Architecture;

/// <summary>Rules of the codebase that a review could miss: no clocks, sealed immutable public types, a tracked public API.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly Assembly Library = typeof(SlaPolicy).Assembly;

    [Fact]
    public void Source_NeverReadsAClock()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => ClockPattern().IsMatch(x.line))

            // The tool's entry point is a host: it reads the system clock once, for `--at now`, and hands it on.
            .Where(x => Path.GetRelativePath(src, x.f) != Path.Combine("SlaEngine.Cli", "Program.cs"))
            .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Time must come in as an argument:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void PublicClasses_AreSealedOrStatic()
    {
        var open = Library.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed) && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(open.Count == 0, "Unsealed public classes: " + string.Join(", ", open));
    }

    [Fact]
    public void PublicTypes_HaveNoPublicSettersOutsideOptionsAndInitializers()
    {
        var mutable = Library.GetExportedTypes()
            .Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.Name.EndsWith("Builder", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.True(mutable.Count == 0, "Public setters on immutable types: " + string.Join(", ", mutable));
    }

    [Fact]
    public void PublicApi_MatchesTheApprovedSnapshot()
    {
        // Every change of the public API shows up in review as a change of PublicApi.approved.txt.
        // Regenerate with SLAENGINE_UPDATE_API=1 dotnet test --filter PublicApi.
        var path = Path.Combine(RepositoryRoot(), "tests", "SlaEngine.Tests", "Architecture", "PublicApi.approved.txt");
        var actual = Describe(Library);
        if (Environment.GetEnvironmentVariable("SLAENGINE_UPDATE_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaEngine.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root.");
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(type.IsEnum ? "enum " : type.IsValueType ? "struct " : type.IsInterface ? "interface " : "class ").Append(type.FullName).Append('\n');
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && !(type.IsEnum && m.Name == "value__"))
                .Select(m => "  " + m.ToString()!.Replace("`1", string.Empty, StringComparison.Ordinal))
                .OrderBy(s => s, StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|SystemClock\.Instance|Stopwatch\.GetTimestamp|Environment\.TickCount")]
    private static partial Regex ClockPattern();
}
