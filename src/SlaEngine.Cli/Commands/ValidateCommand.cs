namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine validate POLICY.yaml…</c>.</summary>
internal static class ValidateCommand
{
    internal const string Help = """
        Usage: slaengine validate POLICY.yaml [POLICY.yaml…]

        Loads and checks each policy file and prints one line per problem:
          file:line:col: error|warning CODE: message
        Exit code 0 when every file is valid (warnings allowed), 1 when any file has errors.

        Examples:
          slaengine validate samples/policies/rank-bands.yaml
          slaengine validate samples/policies/*.yaml        # as a CI lint step

        """;

    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, [], []);
        if (line.Positional.Count == 0)
        {
            throw new UsageException("name at least one policy file, for example: slaengine validate policy.yaml");
        }

        var failed = false;
        foreach (var path in line.Positional)
        {
            var result = PolicyLoader.TryLoadFile(path);
            foreach (var diagnostic in result.Diagnostics)
            {
                stdout.WriteLine(diagnostic.ToString());
            }

            failed |= !result.Success;
        }

        return failed ? Program.ExitFailure : Program.ExitOk;
    }
}
