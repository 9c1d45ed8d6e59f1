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
            A file named *.tests.yaml is a tests file, not a policy (the same rule the policy store uses to skip it):
            validate checks it as one — its policy path and that policy, each test's lead and expectations — without
            judging whether the tests pass (that is slaengine test). So `slaengine validate policies/*.yaml` checks both.
            Exit code 0 when every file is valid (warnings allowed), 1 when any file has errors.
            """,
            "slaengine validate samples/policies/rank-bands.yaml",
            "slaengine validate samples/policies/rank-bands.yaml samples/backtest/rank-bands-v2.yaml",
            "slaengine validate samples/policies/*.yaml        # policies and their tests files, as a CI lint step");
    }

    internal static int Run(IReadOnlyList<string> paths, CliContext context)
    {
        var failed = false;
        foreach (var path in paths)
        {
            if (IsTestsFile(path))
            {
                failed |= !ValidateTests(path, context);
                continue;
            }

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

    /// <summary>
    /// Whether a file is a policy tests file: its name ends in <c>.tests.yaml</c> (any case). The policy store skips
    /// the same files when it loads a folder of policies.
    /// </summary>
    internal static bool IsTestsFile(string path) => path.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks a tests file as <c>slaengine test</c> reads it; failing expectations are not errors here.</summary>
    private static bool ValidateTests(string path, CliContext context)
    {
        var run = PolicyTests.RunFile(path);
        foreach (var diagnostic in run.Diagnostics)
        {
            context.Out.WriteLine(diagnostic.ToString());
        }

        return run.Runnable && !run.Diagnostics.Any(d => d.IsError) && run.Tests.All(t => t.Errors.IsEmpty);
    }
}
