using System.CommandLine;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine test</c>: its options and help (the runner's output is in <c>TestCommand.cs</c>).</summary>
internal static partial class TestCommand
{
    /// <summary>Defines the command.</summary>
    internal static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("TESTS.yaml") { Description = "Tests files (*.tests.yaml).", Arity = ArgumentArity.ZeroOrMore };
        var verbose = CliOptions.Flag("--verbose", "Also list the tests that passed.");
        var command = new Command("test", "Run policy tests (YAML): expected evaluate output for given leads.") { files, verbose };
        command.Validators.Add(result =>
        {
            if (result.GetValue(files) is not { Length: > 0 })
            {
                result.AddError("name at least one tests file, for example: slaengine test policy.tests.yaml");
            }
        });
        command.SetAction(result => Run(result.GetValue(files)!, result.GetValue(verbose), context));
        return command.WithHelp(
            """
            Runs policy tests. A tests file names its policy (a path relative to the tests file) and lists tests, each a
            lead written in YAML, an instant `at` and the fields of the `evaluate` output it expects:

              policy: rank-bands.yaml
              tests:
                - name: ready-to-buy VP is platinum and must be called within 2 business hours
                  at: 2026-11-20T16:00:00Z
                  lead: { id: t1, mql_at: 2026-11-20T15:30:00Z, attributes: { rank: 91, purchase_timeline: now } }
                  expect:
                    status: mql
                    tier: platinum
                    reason^: "trigger:"          # `^`: the actual value starts with this
                    milestones: { first_touch: { due: 2026-11-20T18:30:00Z, status: pending } }

            Only the fields written are checked: numbers within 0.005, instants as instants, milestones by name,
            escalations rung by rung. Each failure is printed with the test's name, file:line and expected vs actual
            side by side; a list of a different length says so; problems in a tests file are printed as
            file:line:col: error CODE: message. The last line is
              N passed, N failed

            Exit code: 0 when every test passed, 1 when any test failed (or was invalid), 2 when a tests file could not
            be read or run (YAML errors, no `policy`, the policy does not load).
            """,
            "slaengine test samples/policies/rank-bands.tests.yaml",
            "slaengine test samples/policies/*.tests.yaml        # as a CI step, after slaengine validate");
    }
}
