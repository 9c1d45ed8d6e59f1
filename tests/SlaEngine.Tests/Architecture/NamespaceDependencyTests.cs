using SlaEngine.Policies;

namespace SlaEngine.Tests.Architecture;

/// <summary>
/// Folders follow the data: every namespace of the core library may use only the namespaces listed for it in
/// <see cref="Allowed"/> (the table of <c>docs/architecture.md</c>), and no namespaces depend on each other in a cycle.
/// The graph is read from the compiled assembly's metadata and IL, so a dependency hidden in a method body counts.
/// </summary>
public sealed class NamespaceDependencyTests
{
    /// <summary>Which namespace of <c>SlaEngine</c> may use which, lowest layer first.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["SlaEngine.Diagnostics"] = [],
        ["SlaEngine.Loading"] = ["SlaEngine.Diagnostics"],
        ["SlaEngine.Calendars"] = ["SlaEngine.Diagnostics"],
        ["SlaEngine.Conditions"] = ["SlaEngine.Diagnostics"],
        ["SlaEngine.Policies"] = ["SlaEngine.Calendars", "SlaEngine.Conditions", "SlaEngine.Diagnostics"],
        ["SlaEngine.Compilation"] = ["SlaEngine.Loading", "SlaEngine.Policies", "SlaEngine.Calendars", "SlaEngine.Conditions", "SlaEngine.Diagnostics"],
        ["SlaEngine"] = ["SlaEngine.Compilation", "SlaEngine.Loading", "SlaEngine.Policies", "SlaEngine.Diagnostics"],
        ["SlaEngine.Evaluation"] = ["SlaEngine.Policies", "SlaEngine.Calendars", "SlaEngine.Conditions", "SlaEngine.Diagnostics"],
        ["SlaEngine.Reporting"] = ["SlaEngine.Evaluation", "SlaEngine.Policies", "SlaEngine.Calendars", "SlaEngine.Conditions", "SlaEngine.Diagnostics"],
        ["SlaEngine.Authoring"] =
        [
            "SlaEngine", "SlaEngine.Reporting", "SlaEngine.Evaluation", "SlaEngine.Compilation", "SlaEngine.Loading",
            "SlaEngine.Policies", "SlaEngine.Calendars", "SlaEngine.Conditions", "SlaEngine.Diagnostics",
        ],
        ["SlaEngine.DependencyInjection"] = ["SlaEngine", "SlaEngine.Policies", "SlaEngine.Diagnostics"],
    };

    private static readonly Lazy<NamespaceGraph> Library = new(() => NamespaceGraph.Read(typeof(SlaPolicy).Assembly.Location, "SlaEngine"));

    [Fact]
    public void CoreLibrary_HasNoNamespaceCycle()
    {
        var cycles = Library.Value.Cycles();
        Assert.True(cycles.Count == 0, "Namespace cycles: " + string.Join("; ", cycles.Select(c => string.Join(" <-> ", c))));
    }

    [Fact]
    public void CoreLibrary_UsesOnlyAllowedNamespaces()
    {
        var problems = new List<string>();
        foreach (var (from, uses) in Library.Value.Edges)
        {
            if (!Allowed.TryGetValue(from, out var allowed))
            {
                problems.Add($"{from} is not in the table of allowed dependencies (add it to NamespaceDependencyTests.Allowed and docs/architecture.md)");
                continue;
            }

            problems.AddRange(uses.Where(to => !allowed.Contains(to)).Select(to => $"{from} uses {to}"));
        }

        Assert.True(problems.Count == 0, "Dependencies the architecture does not allow:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void AllowedTable_IsItselfAcyclic_AndNamesOnlyRealNamespaces()
    {
        var table = NamespaceGraph.FromEdges(Allowed.SelectMany(p => p.Value.Select(to => (p.Key, to)).Append((p.Key, p.Key))));
        Assert.Empty(table.Cycles());
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), Library.Value.Edges.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Namespaces_FollowFolders()
    {
        // A file's namespace is SlaEngine.<its top folder under src/SlaEngine> (SlaEngine at the root); deeper folders
        // only group the files of one stage and keep its namespace.
        var root = Path.Combine(ArchitectureTests.RepositoryRoot(), "src", "SlaEngine");
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts[0] is "obj" or "bin")
            {
                continue;
            }

            var expected = parts.Length == 1 ? "SlaEngine" : "SlaEngine." + parts[0];
            var declared = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("namespace ", StringComparison.Ordinal))?["namespace ".Length..].TrimEnd(';', ' ');
            if (declared != expected)
            {
                wrong.Add($"{relative}: namespace {declared ?? "(none)"}, expected {expected}");
            }
        }

        Assert.True(wrong.Count == 0, "Namespaces that do not follow their folder:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void ArchitectureDoc_TableIsTheAllowedTable()
    {
        // docs/architecture.md: | `Folder/` or (root) | what it does | may use: short names, comma-separated, or (nothing) |
        var doc = File.ReadAllLines(Path.Combine(ArchitectureTests.RepositoryRoot(), "docs", "architecture.md"));
        var documented = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in doc.Where(l => l.StartsWith("| `", StringComparison.Ordinal) || l.StartsWith("| (root)", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var folder = cells[0] == "(root)" ? "SlaEngine" : "SlaEngine." + cells[0].Trim('`').TrimEnd('/');
            var uses = cells[^1] == "(nothing)"
                ? []
                : cells[^1].Split(',').Select(u => u.Trim()).Select(u => u == "SlaEngine" ? u : "SlaEngine." + u).ToArray();
            documented[folder] = uses;
        }

        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        foreach (var (ns, uses) in Allowed)
        {
            Assert.True(uses.Order(StringComparer.Ordinal).SequenceEqual(documented[ns].Order(StringComparer.Ordinal)), $"docs/architecture.md disagrees about {ns}");
        }
    }

    [Fact]
    public void Graph_SeesDependenciesInsideMethodBodies()
    {
        // PolicyLoader only calls the compiler inside method bodies; the edge must still be seen.
        Assert.Contains("SlaEngine.Compilation", Library.Value.Edges["SlaEngine"]);
        Assert.Contains("SlaEngine.Diagnostics", Library.Value.Edges["SlaEngine.Loading"]);
        Assert.DoesNotContain("SlaEngine.Evaluation", Library.Value.Edges["SlaEngine.Policies"]);
    }

    [Fact]
    public void Cycles_AreFoundInASyntheticGraph()
    {
        var graph = NamespaceGraph.FromEdges(
        [
            ("A", "B"), ("B", "C"), ("C", "A"), // a three-namespace cycle
            ("C", "D"), ("D", "E"), ("E", "D"), // and a two-namespace one below it
            ("E", "F"), ("F", "F"), // a self-edge is not a cycle
        ]);

        var cycles = graph.Cycles();

        Assert.Equal(2, cycles.Count);
        Assert.Contains(cycles, c => c.SequenceEqual(["A", "B", "C"]));
        Assert.Contains(cycles, c => c.SequenceEqual(["D", "E"]));
    }

    [Fact]
    public void Cycles_NoneInASyntheticLayeredGraph()
    {
        var graph = NamespaceGraph.FromEdges([("Top", "Mid"), ("Top", "Low"), ("Mid", "Low"), ("Side", "Low")]);
        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void Graph_OfThisTestAssembly_FindsASyntheticCycleWrittenInCode()
    {
        // Two namespaces below that use each other only inside method bodies: reading real IL must find the cycle.
        var graph = NamespaceGraph.Read(typeof(NamespaceDependencyTests).Assembly.Location, "SlaEngine.Tests.Architecture.CycleSample");
        Assert.Contains(graph.Cycles(), c => c.SequenceEqual(["SlaEngine.Tests.Architecture.CycleSample.Left", "SlaEngine.Tests.Architecture.CycleSample.Right"]));
        Assert.Equal(2, CycleSample.Left.Ping.Run(2));
    }
}
