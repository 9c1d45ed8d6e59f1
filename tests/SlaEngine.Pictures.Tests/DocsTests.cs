using System.Text.RegularExpressions;

namespace SlaEngine.Pictures.Tests;

/// <summary>docs/pictures.md and its screenshots stay in step.</summary>
public sealed class DocsTests
{
    [Fact]
    public void PicturesDoc_ShowsEveryScreenshot_AndEachExists()
    {
        var docs = Path.Combine(Root(), "docs");
        var text = File.ReadAllText(Path.Combine(docs, "pictures.md"));

        var referenced = Regex.Matches(text, @"\]\((images/[^)]+\.png)\)").Select(m => m.Groups[1].Value).ToHashSet();
        var present = Directory.GetFiles(Path.Combine(docs, "images"), "*.png").Select(f => "images/" + Path.GetFileName(f)).ToHashSet();

        Assert.NotEmpty(referenced);
        Assert.Equal(present.Order(), referenced.Order());
        Assert.All(present, p => Assert.True(Png.Read(File.ReadAllBytes(Path.Combine(docs, p))).DistinctColours > 30, p + " looks blank"));
    }

    [Fact]
    public void ReadmeAndCookbook_LinkThePicturesDoc()
    {
        Assert.Contains("(docs/pictures.md)", File.ReadAllText(Path.Combine(Root(), "README.md")), StringComparison.Ordinal);
        Assert.Contains("(pictures.md)", File.ReadAllText(Path.Combine(Root(), "docs", "cookbook.md")), StringComparison.Ordinal);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaEngine.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
