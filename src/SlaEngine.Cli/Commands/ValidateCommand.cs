using System.CommandLine;
using SlaEngine.Authoring;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine validate POLICY.yaml…</c>.</summary>
internal static class ValidateCommand
{
    /// <summary>Defines the command.</summary>
    internal static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Policy files, or tests files (*.tests.yaml).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "Load and check policy files; print file:line:col diagnostics.") { files };
        command.Validators.Add(result =>
        {
            if (result.GetValue(files) is not { Length: > 0 })
            {
                result.AddError("name at least one policy file, for example: slaengine validate policy.yaml");
            }
        });
        command.SetAction(result => Run(result.GetValue(files)!, context));
        return command.WithHelp(
            """
            Loads and checks each policy file and prints one line per problem:
              file:line:col: error|warning CODE: message
            A policy that loads is also linted: likely authoring mistakes (a trigger shadowed by an exclusion, a band no
            value can reach, an unreachable routing rule, a cadence longer than complete_within, an escalation after its
            deadline, an unused tier, a calendar open under 10 hours a week, a holiday on a closed day) are warnings
            SLA0601-SLA0608; see docs/authoring.md.
            Exit code 0 when every file is valid (warnings allowed), 1 when any file has errors.
            """,
            "slaengine validate samples/policies/rank-bands.yaml",
            "slaengine validate samples/policies/rank-bands.yaml samples/backtest/rank-bands-v2.yaml   # as a CI lint step");
    }

    internal static int Run(IReadOnlyList<string> paths, CliContext context)
    {
        var failed = false;
        foreach (var path in paths)
        {
            var result = PolicyLoader.TryLoadFile(path);
            var diagnostics = result.Success
                ? result.Diagnostics.Concat(result.Policy.Lint()).OrderBy(d => d.IsError ? 0 : 1).ThenBy(d => d.Line).ThenBy(d => d.Column)
                : result.Diagnostics.AsEnumerable();
            foreach (var diagnostic in diagnostics)
            {
                context.Out.WriteLine(diagnostic.ToString());
            }

            failed |= !result.Success;
        }

        return failed ? Program.ExitFailure : Program.ExitOk;
    }
}
