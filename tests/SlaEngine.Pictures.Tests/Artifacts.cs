namespace SlaEngine.Pictures.Tests;

/// <summary>A fresh directory per test for the files a browser test renders.</summary>
internal static class Artifacts
{
    internal static string Directory(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "sla-pictures-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
