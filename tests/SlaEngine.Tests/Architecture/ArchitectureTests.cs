using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using SlaEngine.Policies;

namespace SlaEngine.Tests.Architecture;

/// <summary>Rules of the codebase that a review could miss: no clocks, sealed immutable public types, no positional records, no shared mutable statics, a tracked public API.</summary>
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
    public void PublicRecords_AreNotPositional()
    {
        // A positional record's constructor and Deconstruct change shape when a property is added: a binary break.
        var positional = Library.GetExportedTypes()
            .Where(t => t.GetMethod("Deconstruct", BindingFlags.Public | BindingFlags.Instance) is not null)
            .Select(t => t.FullName)
            .ToList();
        Assert.True(positional.Count == 0, "Public positional records (use init-only properties): " + string.Join(", ", positional));
    }

    [Fact]
    public void PublicStatics_AreImmutable()
    {
        // No shared mutable defaults: a public static property or field never hands out an object with a public setter.
        var shared = Library.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(p => (t, p.Name, Type: p.PropertyType, Settable: p.SetMethod is { IsPublic: true }))
                .Concat(t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(f => !f.IsLiteral).Select(f => (t, f.Name, Type: f.FieldType, Settable: !f.IsInitOnly))))
            .Where(x => x.Settable || HasPublicSetter(x.Type))
            .Select(x => $"{x.t.Name}.{x.Name}")
            .ToList();
        Assert.True(shared.Count == 0, "Shared mutable statics: " + string.Join(", ", shared));
    }

    [Fact]
    public void PackableProjects_TrackTheirPublicApi()
    {
        // Directory.Build.targets adds Microsoft.CodeAnalysis.PublicApiAnalyzers to every packable project; its files
        // must exist (start them with "#nullable enable" so nullability is tracked too).
        var src = Path.Combine(RepositoryRoot(), "src");
        var missing = Directory.EnumerateFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal))
            .SelectMany(p => new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
                .Select(f => Path.Combine(Path.GetDirectoryName(p)!, f))
                .Where(f => !File.Exists(f) || File.ReadLines(f).FirstOrDefault() != "#nullable enable"))
            .Select(f => Path.GetRelativePath(src, f))
            .ToList();
        Assert.True(missing.Count == 0, "Missing or without '#nullable enable': " + string.Join(", ", missing));
        Assert.Contains("Microsoft.CodeAnalysis.PublicApiAnalyzers", File.ReadAllText(Path.Combine(RepositoryRoot(), "Directory.Build.targets")), StringComparison.Ordinal);
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

    private static bool HasPublicSetter(Type type) =>
        !type.IsValueType && type != typeof(string) && !type.IsInterface
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter));

    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|SystemClock\.Instance|Stopwatch\.GetTimestamp|Environment\.TickCount")]
    private static partial Regex ClockPattern();
}
