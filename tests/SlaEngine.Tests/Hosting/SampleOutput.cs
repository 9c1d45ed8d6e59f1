namespace SlaEngine.Tests.Hosting;

/// <summary>Finds the build output of a sample project that the test project builds (ProjectReference with ReferenceOutputAssembly=false).</summary>
internal static class SampleOutput
{
    /// <summary>The repository root: the nearest folder above the test output that holds SlaEngine.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "SlaEngine.sln")))
            {
                root = root.Parent;
            }

            return root?.FullName ?? throw new InvalidOperationException($"cannot find the repository root (SlaEngine.sln) above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>samples/FOLDER/bin/CONFIGURATION/TFM/ASSEMBLY, in the configuration and framework of this test build.</summary>
    public static string Locate(string sampleFolder, string assemblyFile)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Debug";
        var path = Path.Combine(RepositoryRoot, "samples", sampleFolder, "bin", configuration, framework, assemblyFile);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the sample is not built at {path}; the test project builds it through its ProjectReference", path);
    }

    /// <summary>The dotnet host that runs the tests (DOTNET_HOST_PATH when the SDK sets it), else `dotnet` from PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath) ? hostPath : "dotnet";
}
