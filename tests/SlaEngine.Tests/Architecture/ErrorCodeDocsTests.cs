using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Architecture;

/// <summary>Every stable diagnostic code is unique, well-formed and listed in docs/error-codes.md.</summary>
public sealed partial class ErrorCodeDocsTests
{
    [Fact]
    public void DiagnosticCodes_AreUniqueAndWellFormed()
    {
        var codes = Codes();
        Assert.All(codes, c => Assert.Matches(CodePattern(), c.Code));
        var duplicates = codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key + ": " + string.Join(", ", g.Select(c => c.Name))).ToList();
        Assert.True(duplicates.Count == 0, "Codes used twice: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void DiagnosticCodes_AreAllListedInTheDocs()
    {
        // Regenerate the table with SLAENGINE_UPDATE_DOCS=1 dotnet test --filter ErrorCodeDocs.
        var path = Path.Combine(ArchitectureTests.RepositoryRoot(), "docs", "error-codes.md");
        if (Environment.GetEnvironmentVariable("SLAENGINE_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, Render(Codes()));
        }

        var docs = File.ReadAllText(path);
        var missing = Codes().Where(c => !docs.Contains("| " + c.Code + " |", StringComparison.Ordinal)).Select(c => c.Code).ToList();
        Assert.True(missing.Count == 0, "Codes missing from docs/error-codes.md: " + string.Join(", ", missing));
    }

    private static List<(string Code, string Name, string Summary)> Codes()
    {
        var type = typeof(Diagnostic).Assembly.GetType("SlaEngine.Diagnostics.DiagnosticCodes")!;
        var xml = Path.ChangeExtension(typeof(Diagnostic).Assembly.Location, ".xml");
        var summaries = File.Exists(xml)
            ? XDocument.Load(xml).Descendants("member")
                .Where(m => ((string?)m.Attribute("name"))?.StartsWith("F:SlaEngine.Diagnostics.DiagnosticCodes.", StringComparison.Ordinal) == true)
                .ToDictionary(m => ((string)m.Attribute("name")!)["F:SlaEngine.Diagnostics.DiagnosticCodes.".Length..], m => Normalize(m.Element("summary")))
            : [];
        return type.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => ((string)f.GetRawConstantValue()!, f.Name, summaries.GetValueOrDefault(f.Name, string.Empty)))
            .OrderBy(c => c.Item1, StringComparer.Ordinal)
            .ToList();
    }

    private static string Normalize(XElement? summary) =>
        summary is null ? string.Empty : WhiteSpace().Replace(string.Concat(summary.Nodes().Select(n => n is XElement e ? (e.Attribute("cref")?.Value.Split('.').Last() ?? e.Value) : n.ToString())), " ").Trim().Replace("|", "\\|", StringComparison.Ordinal);

    private static string Render(List<(string Code, string Name, string Summary)> codes)
    {
        var text = new StringBuilder();
        text.Append("# Error and warning codes\n\n");
        text.Append("Every diagnostic SlaEngine reports carries a stable code. Codes never change meaning; new ones are added.\n");
        text.Append("Diagnostics print as `file:line:col: error|warning CODE: message`. This table is generated from the source\n");
        text.Append("(`SLAENGINE_UPDATE_DOCS=1 dotnet test --filter ErrorCodeDocs`), and a test fails when a code is missing here.\n\n");
        text.Append("| range | area |\n| --- | --- |\n");
        text.Append("| SLA0001–SLA0099 | YAML document, input limits, schema |\n| SLA0100–SLA0199 | names and structure |\n| SLA0200–SLA0299 | calendars |\n");
        text.Append("| SLA0300–SLA0399 | durations |\n| SLA0400–SLA0499 | conditions |\n| SLA0500–SLA0599 | bands, routing, tiers, goals |\n");
        text.Append("| SLA0600–SLA0699 | lint warnings |\n| SLA0700–SLA0799 | lead snapshots |\n| SLA0800–SLA0899 | command-line input |\n| SLA0900–SLA0999 | policy tests |\n\n");
        text.Append("| code | name | meaning |\n| --- | --- | --- |\n");
        foreach (var (code, name, summary) in codes)
        {
            text.Append("| ").Append(code).Append(" | ").Append(name).Append(" | ").Append(summary).Append(" |\n");
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^SLA\d{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
