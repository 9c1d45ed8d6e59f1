using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SlaEngine.Tests.Architecture;

namespace SlaEngine.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of <c>docs/*.md</c> and <c>README.md</c> is compiled with Roslyn against the built
/// assemblies and run — the snippets themselves, read from the pages, not copies. On each page, blocks of statements
/// run in order as one program (a later block may use what an earlier one declared); blocks that declare types are
/// compiled beside it and their <c>[Fact]</c> methods are run. A page may hold hidden set-up code in an HTML comment
/// <c>&lt;!-- csharp-setup … --&gt;</c> (for example the path of a sample file). The program must return 0.
/// </summary>
public sealed class DocSnippetTests
{
    private static readonly string[] GlobalUsings =
    [
        "System", "System.Collections.Generic", "System.Collections.Immutable", "System.IO", "System.Linq", "System.Text",
        "System.Text.Json", "NodaTime", "Microsoft.Extensions.DependencyInjection", "SlaEngine", "SlaEngine.Authoring",
        "SlaEngine.Calendars", "SlaEngine.Conditions", "SlaEngine.DependencyInjection", "SlaEngine.Diagnostics",
        "SlaEngine.Evaluation", "SlaEngine.Policies", "SlaEngine.Reporting",
    ];

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in PageList())
        {
            data.Add(page);
        }

        return data;
    }

    private static List<string> PageList()
    {
        var root = ArchitectureTests.RepositoryRoot();
        var pages = new List<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md")).Order(StringComparer.Ordinal))
        {
            if (Snippets(File.ReadAllText(path)).Blocks.Count > 0)
            {
                pages.Add(Path.GetRelativePath(root, path).Replace('\\', '/'));
            }
        }

        return pages;
    }

    [Fact]
    public void Pages_IncludeEveryPageWithCSharp()
    {
        var pages = PageList();

        Assert.Contains("README.md", pages);
        Assert.Contains("docs/api.md", pages);
        Assert.Contains("docs/lead-format.md", pages);
        Assert.Contains("docs/output-format.md", pages);
        Assert.Equal(Directory.GetCurrentDirectory().TrimEnd(Path.DirectorySeparatorChar), AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // relative sample paths resolve here
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_CSharpSnippets_CompileAndRun(string page)
    {
        var (setup, blocks) = Snippets(File.ReadAllText(Path.Combine(ArchitectureTests.RepositoryRoot(), page)));
        var usings = new List<string>();
        var statements = new StringBuilder();
        var declarations = new List<string>();
        foreach (var block in setup.Concat(blocks.Select(b => b.Code)))
        {
            var body = new StringBuilder();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("using ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(';') && !line.Contains('='))
                {
                    usings.Add(line.Trim());
                }
                else
                {
                    body.Append(line).Append('\n');
                }
            }

            if (IsDeclaration(body.ToString()))
            {
                declarations.Add(body.ToString());
            }
            else
            {
                statements.Append(body).Append('\n');
            }
        }

        var hasProgram = blocks.Any(b => !IsDeclaration(b.Code));
        var trees = new List<SyntaxTree>
        {
            Parse(string.Concat(GlobalUsings.Select(u => "global using " + u + ";\n"))),
        };
        var usingText = string.Concat(usings.Distinct().Select(u => u + "\n"));
        if (hasProgram)
        {
            trees.Add(Parse(usingText + statements + "return 0;\n"));   // a snippet may return 1 on a path that must not be taken
        }

        trees.AddRange(declarations.Select(d => Parse(usingText + d)));
        var compilation = CSharpCompilation.Create(
            "DocSnippets_" + Path.GetFileNameWithoutExtension(page).Replace('-', '_'),
            trees,
            References.Value,
            new CSharpCompilationOptions(hasProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, $"{page}: the C# does not compile:\n{string.Join("\n", errors)}\n\n{statements}");

        var context = new AssemblyLoadContext(page, isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            if (assembly.EntryPoint is { } main)
            {
                var result = Run(page, () => main.Invoke(null, main.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]));
                Assert.True(result is null or 0, $"{page}: the program returned {result}");
            }

            var facts = assembly.GetTypes().SelectMany(t => t.GetMethods()).Where(m => m.GetCustomAttributes().Any(a => a.GetType().Name == "FactAttribute")).ToList();
            Assert.Equal(declarations.Sum(d => CountFacts(d)), facts.Count);
            foreach (var fact in facts)
            {
                var instance = fact.IsStatic ? null : Activator.CreateInstance(fact.DeclaringType!);
                Run(page, () => fact.Invoke(instance, []));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static object? Run(string page, Func<object?> action)
    {
        try
        {
            return action();
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new InvalidOperationException($"{page}: a snippet threw {inner.GetType().Name}: {inner.Message}", inner);
        }
    }

    private static int CountFacts(string code) => code.Split('\n').Count(l => l.Trim() == "[Fact]");

    private static bool IsDeclaration(string code)
    {
        var first = code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)) ?? string.Empty;
        return first.StartsWith("public ", StringComparison.Ordinal) || first.StartsWith("internal ", StringComparison.Ordinal)
            || first.StartsWith('[') || first.StartsWith("namespace ", StringComparison.Ordinal) || first.StartsWith("static class ", StringComparison.Ordinal);
    }

    private static SyntaxTree Parse(string code) => CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest));

    /// <summary>The page's hidden set-up code and its <c>```csharp</c> blocks, in order.</summary>
    internal static (List<string> Setup, List<(int Line, string Code)> Blocks) Snippets(string markdown)
    {
        var setup = new List<string>();
        var blocks = new List<(int, string)>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = lines[i].Trim();
            if (open is "```csharp" or "```cs" or "<!-- csharp-setup")
            {
                var end = open.StartsWith("<!--", StringComparison.Ordinal) ? "-->" : "```";
                var start = i + 1;
                while (++i < lines.Length && lines[i].Trim() != end)
                {
                }

                var code = string.Join("\n", lines[start..i]);
                if (end == "-->")
                {
                    setup.Add(code);
                }
                else
                {
                    blocks.Add((start, code));
                }
            }
        }

        return (setup, blocks);
    }

    private static MetadataReference[] LoadReferences()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(IsManaged);
        return framework.Concat(local)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.Last()))
            .ToArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
