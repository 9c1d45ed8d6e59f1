using SlaEngine.Authoring;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine test TESTS.yaml…</c>: runs policy tests.</summary>
internal static partial class TestCommand
{
    private const int MaxColumn = 44;

    internal static int Run(IReadOnlyList<string> paths, bool verbose, CliContext context)
    {
        var stdout = context.Out;
        var passed = 0;
        var failed = 0;
        var unreadable = false;
        foreach (var path in paths)
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
                        stdout.WriteLine(CliText.Invariant($"PASS {path}:{test.Line}: {test.Name}"));
                    }

                    continue;
                }

                failed++;
                stdout.WriteLine(CliText.Invariant($"FAIL {path}:{test.Line}: {test.Name}"));
                if (!test.Errors.IsEmpty)
                {
                    stdout.WriteLine(CliText.Invariant($"  invalid test: {test.Errors.Length} error(s), listed above ({string.Join(", ", test.Errors.Select(e => e.Code).Distinct())})"));
                }
                else
                {
                    WriteMismatches(stdout, test.Mismatches);
                }

                stdout.WriteLine();
            }
        }

        stdout.WriteLine(CliText.Invariant($"{passed} passed, {failed} failed"));
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
