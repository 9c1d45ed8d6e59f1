using System.Globalization;
using SlaEngine.Authoring;
using SlaEngine.Cli.Rendering;
using Spectre.Console;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine test TESTS.yaml…</c>: runs policy tests.</summary>
internal static partial class TestCommand
{
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
                    WriteMismatches(context, test.Mismatches);
                }

                stdout.WriteLine();
            }
        }

        stdout.WriteLine(CliText.Invariant($"{passed} passed, {failed} failed"));
        return unreadable ? Program.ExitUsage : failed > 0 ? Program.ExitFailure : Program.ExitOk;
    }

    /// <summary>
    /// The mismatches of a failed test side by side — line, field, expected, actual — in columns as wide as their
    /// longest value, narrowed and wrapped when that is wider than the terminal. A list of another length has its own
    /// row (<c>escalations  1 item  2 items</c>), then one row per differing item.
    /// </summary>
    private static void WriteMismatches(CliContext context, IReadOnlyList<PolicyTestMismatch> mismatches)
    {
        var rows = mismatches.Select(m => new[] { m.Line.ToString(CultureInfo.InvariantCulture), m.Field, m.Expected, m.Actual }).ToList();
        string[] headers = ["line", "field", "expected", "actual"];
        var columns = headers.Select((h, c) => rows.Max(r => r[c].Length) is var longest && Math.Max(h.Length, longest) is var width
            ? new ColumnSpec(h, Math.Min(width, c < 2 ? width : 12), width)
            : null!).ToList();
        var widths = ColumnSpec.Fit(columns, context.Width - 2, 2);
        var console = Terminal.Out(context);
        foreach (var row in rows.Prepend(headers))
        {
            console.Write(new FixedRow([.. row.Select(cell => new Text(cell))], widths, 2, indent: 2));
        }
    }
}
