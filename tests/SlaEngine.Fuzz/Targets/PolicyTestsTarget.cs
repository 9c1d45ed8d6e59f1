using System.Text;
using SlaEngine.Authoring;

namespace SlaEngine.Fuzz.Targets;

/// <summary>
/// A policy tests file. Policies are resolved to the samples in memory (no file is read). The contract: running
/// never throws; diagnostics of the tests file have documented codes and lie inside it; each test's position and
/// mismatches lie inside it; a test passes exactly when it has no error and no mismatch; two runs agree.
/// </summary>
public static class PolicyTestsTarget
{
    private const string Folder = "/fuzz";
    private const string File = "/fuzz/fuzz.tests.yaml";

    private static readonly PolicyTestOptions Options = new() { BaseDirectory = Folder, PolicyResolver = Resolve };

    private static readonly Dictionary<string, PolicyLoadResult> Resolved = new(StringComparer.Ordinal);

    public static void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        var run = PolicyTests.Run(text, File, Options);
        var lines = new TextLines(text);
        foreach (var d in run.Diagnostics)
        {
            if (d.File == File)
            {
                Contract.Located(d, lines, File);
            }
            else
            {
                Contract.Documented(d.Code, d.ToString()); // the named policy's own diagnostics
            }
        }

        foreach (var test in run.Tests)
        {
            Contract.Assert(lines.Contains(test.Line, test.Column), $"test '{test.Name}' at {test.Line}:{test.Column}, outside the file ({lines.Describe()})");
            Contract.Assert(test.Passed == (test.Errors.IsEmpty && test.Mismatches.IsEmpty), $"test '{test.Name}' Passed={test.Passed} with {test.Errors.Length} error(s), {test.Mismatches.Length} mismatch(es)");
            foreach (var m in test.Mismatches)
            {
                Contract.Assert(lines.Contains(m.Line, m.Column), $"mismatch of '{m.Field}' at {m.Line}:{m.Column}, outside the file ({lines.Describe()})");
            }

            foreach (var e in test.Errors)
            {
                Contract.Located(e, lines, File);
            }
        }

        Contract.Assert(run.Success == (run.Runnable && run.Failed == 0), "Success disagrees with Runnable and Failed");
        Contract.Deterministic(Describe(run), Describe(PolicyTests.Run(text, File, Options)), "the test run");
    }

    private static PolicyLoadResult Resolve(string path)
    {
        if (!Resolved.TryGetValue(path, out var result))
        {
            var name = Path.GetFileName(path);
            var known = Path.GetDirectoryName(path) == Folder && FuzzInputs.Policies.ContainsKey(name);
            result = PolicyLoader.TryLoad(known ? FuzzInputs.Resource("policies/" + name) : string.Empty, path);
            if (Resolved.Count > 64)
            {
                Resolved.Clear();
            }

            Resolved[path] = result;
        }

        return result;
    }

    private static string Describe(PolicyTestRun run)
    {
        var text = new StringBuilder();
        text.AppendLine($"{run.Runnable} {run.PolicyPath} {run.Passed}/{run.Failed}");
        text.AppendJoin('\n', run.Diagnostics).AppendLine();
        foreach (var test in run.Tests)
        {
            text.AppendLine($"{test.Name} {test.Line}:{test.Column} {test.Passed} {(test.Evaluation is { } e ? SlaEngine.Evaluation.EvaluationJson.Serialize(e, includeTrace: true) : "-")}");
            text.AppendJoin('\n', test.Mismatches).AppendLine();
            text.AppendJoin('\n', test.Errors).AppendLine();
        }

        return text.ToString();
    }
}
