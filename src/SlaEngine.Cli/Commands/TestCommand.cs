using SlaEngine.Authoring;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine test TESTS.yaml…</c>: runs policy tests.</summary>
internal static class TestCommand
{
    internal const string Help = """
        Usage: slaengine test TESTS.yaml [TESTS.yaml…] [--verbose]

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
        side by side; problems in a tests file are printed as file:line:col: error CODE: message. The last line is
          N passed, N failed

        Exit code: 0 when every test passed, 1 when any test failed (or was invalid), 2 when a tests file could not
        be read or run (YAML errors, no `policy`, the policy does not load).

        Options:
          --verbose  also list the tests that passed

        Examples:
          slaengine test samples/policies/rank-bands.tests.yaml
          slaengine test samples/policies/*.tests.yaml        # as a CI step, after slaengine validate

        """;

    private const int MaxColumn = 44;

    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, [], ["--verbose"]);
        if (line.Positional.Count == 0)
        {
            throw new UsageException("name at least one tests file, for example: slaengine test policy.tests.yaml");
        }

        var verbose = line.Flag("--verbose");
        var passed = 0;
        var failed = 0;
        var unreadable = false;
        foreach (var path in line.Positional)
        {
            var run = PolicyTests.RunFile(path);
            foreach (var diagnostic in run.Diagnostics)
            {
                stdout.WriteLine(diagnostic.ToString());
            }

            if (!run.Runnable)
            {
                unreadable = true;
                stdout.WriteLine($"{path}: the tests could not be run");
                continue;
            }

            foreach (var test in run.Tests)
            {
                if (test.Passed)
                {
                    passed++;
                    if (verbose)
                    {
                        stdout.WriteLine(CommandLine.Invariant($"PASS {path}:{test.Line}: {test.Name}"));
                    }

                    continue;
                }

                failed++;
                stdout.WriteLine(CommandLine.Invariant($"FAIL {path}:{test.Line}: {test.Name}"));
                if (!test.Errors.IsEmpty)
                {
                    stdout.WriteLine(CommandLine.Invariant($"  invalid test: {test.Errors.Length} error(s), listed above ({string.Join(", ", test.Errors.Select(e => e.Code).Distinct())})"));
                }
                else
                {
                    WriteMismatches(stdout, test.Mismatches);
                }

                stdout.WriteLine();
            }
        }

        stdout.WriteLine(CommandLine.Invariant($"{passed} passed, {failed} failed"));
        return unreadable ? Program.ExitUsage : failed > 0 ? Program.ExitFailure : Program.ExitOk;
    }

    private static void WriteMismatches(TextWriter stdout, IReadOnlyList<PolicyTestMismatch> mismatches)
    {
        var fieldWidth = Math.Min(MaxColumn, Math.Max("field".Length, mismatches.Max(m => m.Field.Length)));
        var expectedWidth = Math.Min(MaxColumn, Math.Max("expected".Length, mismatches.Max(m => m.Expected.Length)));
        var lineWidth = Math.Max("line".Length, mismatches.Max(m => m.Line.ToString(System.Globalization.CultureInfo.InvariantCulture).Length));
        stdout.WriteLine($"  {"line".PadRight(lineWidth)}  {"field".PadRight(fieldWidth)}  {"expected".PadRight(expectedWidth)}  actual");
        foreach (var m in mismatches)
        {
            var number = m.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            stdout.WriteLine($"  {number.PadRight(lineWidth)}  {m.Field.PadRight(fieldWidth)}  {m.Expected.PadRight(expectedWidth)}  {m.Actual}");
        }
    }
}
