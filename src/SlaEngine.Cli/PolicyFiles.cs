using SlaEngine.Policies;

namespace SlaEngine.Cli;

/// <summary>Loads the policy a command names, printing diagnostics to stderr.</summary>
internal static class PolicyFiles
{
    /// <summary>Loads a policy or returns null after printing its errors.</summary>
    internal static SlaPolicy? Load(string path, TextWriter stderr)
    {
        var result = PolicyLoader.TryLoadFile(path);
        if (result.Success)
        {
            return result.Policy;
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        return null;
    }
}
