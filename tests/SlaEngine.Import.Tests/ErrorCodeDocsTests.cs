using System.Reflection;
using System.Text.RegularExpressions;

namespace SlaEngine.Import.Tests;

/// <summary>Every import code is well-formed, unique, in its range and listed in docs/error-codes.md.</summary>
public sealed partial class ErrorCodeDocsTests
{
    [Fact]
    public void ImportCodes_AreUniqueInRange_AndListedInTheDocs()
    {
        var codes = typeof(ImportDiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (Name: f.Name, Code: (string)f.GetRawConstantValue()!))
            .ToList();
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "error-codes.md"));

        Assert.True(codes.Count >= 25);
        Assert.All(codes, c => Assert.Matches(Range(), c.Code));
        Assert.Equal(codes.Count, codes.Select(c => c.Code).Distinct().Count());
        var missing = codes.Where(c => !docs.Contains("| " + c.Code + " | " + c.Name + " |", StringComparison.Ordinal)).Select(c => c.Code).ToList();
        Assert.True(missing.Count == 0, "Codes missing from docs/error-codes.md: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"^SLA18\d{2}$")]
    private static partial Regex Range();
}
