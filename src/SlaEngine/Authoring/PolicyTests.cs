using System.Collections.Immutable;
using System.Text;
using SlaEngine.Loading;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;
using static SlaEngine.Loading.YamlValueReader;
using SlaEngine.Evaluation;

namespace SlaEngine.Authoring;

/// <summary>
/// Runs policy tests: YAML files that pin a policy's behaviour like unit tests.
/// A tests file names its policy and lists tests, each a lead, an instant and the expected subset of the
/// <c>evaluate</c> output.
/// </summary>
/// <example>
/// <code>
/// policy: rank-bands.yaml            # relative to the tests file
/// tests:
///   - name: ready-to-buy VP is platinum
///     at: 2026-11-20T16:00:00Z
///     lead: { id: t1, mql_at: 2026-11-20T15:30:00Z, attributes: { rank: 91, purchase_timeline: now } }
///     expect:
///       status: mql
///       reason^: "trigger:"
///       milestones: { first_touch: { due: 2026-11-20T18:30:00Z, status: pending } }
/// </code>
/// </example>
/// <remarks>
/// The matching rules are listed in <c>docs/authoring.md</c>. Problems of the file are diagnostics located
/// <c>file:line:col</c> (codes SLA0900–SLA0999); the runner never throws for bad input. Stateless and thread-safe.
/// </remarks>
public static class PolicyTests
{
    private static readonly string[] FileKeys = ["policy", "description", "tests"];
    private static readonly string[] TestKeys = ["name", "at", "lead", "expect"];

    /// <summary>Runs the tests of a tests file.</summary>
    /// <param name="path">The file path; also the file of every diagnostic, and the folder the policy path is relative to.</param>
    /// <param name="options">Options; by default the policy is loaded from a file.</param>
    /// <returns>The results.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static PolicyTestRun RunFile(string path, PolicyTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > 4L * YamlTreeReader.MaxDocumentBytes)
            {
                return Unreadable(path, DiagnosticCodes.DocumentTooLarge, 1, "the document is larger than 1048576 bytes (1 MiB); it was not read");
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return Unreadable(path, DiagnosticCodes.TestFileUnreadable, 0, "cannot read the tests file: " + ex.Message);
        }

        return Run(text, path, options);
    }

    /// <summary>Runs the tests of a tests file read from a stream (UTF-8), with the default options.</summary>
    /// <param name="stream">The stream; read to its end, not disposed.</param>
    /// <param name="sourceName">The name used as the file of every diagnostic; its folder is where a relative policy path is looked up unless <see cref="PolicyTestOptions.BaseDirectory"/> is set.</param>
    /// <returns>The results.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="sourceName"/> is null.</exception>
    public static PolicyTestRun Run(Stream stream, string sourceName) => Run(stream, sourceName, null);

    /// <summary>Runs the tests of a tests file read from a stream (UTF-8).</summary>
    /// <param name="stream">The stream; read to its end, not disposed.</param>
    /// <param name="sourceName">The name used as the file of every diagnostic; its folder is where a relative policy path is looked up unless <see cref="PolicyTestOptions.BaseDirectory"/> is set.</param>
    /// <param name="options">Options; null for <see cref="PolicyTestOptions.Default"/>.</param>
    /// <returns>The results.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="sourceName"/> is null.</exception>
    public static PolicyTestRun Run(Stream stream, string sourceName, PolicyTestOptions? options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        string text;
        try
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, true, 1 << 16, leaveOpen: true);
            var buffer = new char[YamlTreeReader.MaxDocumentBytes + 1];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            if (read > YamlTreeReader.MaxDocumentBytes)
            {
                return Unreadable(sourceName, DiagnosticCodes.DocumentTooLarge, 1, "the document is larger than 1048576 bytes (1 MiB); it was not read");
            }

            text = new string(buffer, 0, read);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException)
        {
            return Unreadable(sourceName, DiagnosticCodes.TestFileUnreadable, 0, "cannot read the tests file: " + ex.Message);
        }

        return Run(text, sourceName, options);
    }

    /// <summary>Runs the tests of a tests file given as text, with the default options.</summary>
    /// <param name="yaml">The YAML text of the tests file.</param>
    /// <param name="sourceName">The name used as the file of every diagnostic; its folder is where a relative policy path is looked up unless <see cref="PolicyTestOptions.BaseDirectory"/> is set.</param>
    /// <returns>The results.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="yaml"/> or <paramref name="sourceName"/> is null.</exception>
    public static PolicyTestRun Run(string yaml, string sourceName) => Run(yaml, sourceName, null);

    /// <summary>Runs the tests of a tests file given as text.</summary>
    /// <param name="yaml">The YAML text of the tests file.</param>
    /// <param name="sourceName">The name used as the file of every diagnostic; its folder is where a relative policy path is looked up unless <see cref="PolicyTestOptions.BaseDirectory"/> is set.</param>
    /// <param name="options">Options; null for <see cref="PolicyTestOptions.Default"/>.</param>
    /// <returns>The results.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="yaml"/> or <paramref name="sourceName"/> is null.</exception>
    public static PolicyTestRun Run(string yaml, string sourceName, PolicyTestOptions? options)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= PolicyTestOptions.Default;
        var file = new DiagnosticBag(sourceName);
        var root = YamlTreeReader.Read(yaml, file);
        if (root is null || root is YamlScalar { IsNull: true })
        {
            if (!file.HasErrors)
            {
                file.Error(DiagnosticCodes.TestMissingKey, 1, 1, "the tests file is empty: it needs `policy` and `tests`");
            }

            return new PolicyTestRun(sourceName, null, false, file.ToSortedArray(), []);
        }

        if (Yaml(file).AsMapping(root, "a tests file") is not { } map)
        {
            return new PolicyTestRun(sourceName, null, false, file.ToSortedArray(), []);
        }

        Yaml(file).CheckKeys(map, "the tests file", FileKeys);
        SlaPolicy? policy = null;
        string? policyPath = null;
        if (Yaml(file).Require(map, "policy", "the tests file") is { } policyNode && Yaml(file).ReadString(policyNode, "`policy`") is { } policyText)
        {
            policyPath = ResolvePolicyPath(policyText.Trim(), sourceName, options);
            var loaded = (options.PolicyResolver ?? PolicyLoader.TryLoadFile)(policyPath);
            if (loaded.Success)
            {
                policy = loaded.Policy;
            }
            else
            {
                file.Error(DiagnosticCodes.TestPolicyNotLoaded, policyNode.Line, policyNode.Column, Msg($"the policy `{policyPath}` did not load ({loaded.Errors.Length} error(s), listed with it); no test was run"));
                file.AddRange(loaded.Diagnostics);
            }
        }

        var cases = new List<PolicyTestCase>();
        if (Yaml(file).Require(map, "tests", "the tests file") is { } testsNode && !(testsNode is YamlScalar { IsNull: true }) && Yaml(file).AsSequence(testsNode, "`tests`") is { } tests)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in tests.Items)
            {
                if (Yaml(file).AsMapping(item, "a test") is { } test)
                {
                    cases.Add(ReadCase(test, policy, names, sourceName));
                }
            }
        }

        if (cases.Count == 0 && !file.HasErrors)
        {
            var at = map.GetKey("tests") ?? (YamlNode)map;
            file.Warning(DiagnosticCodes.NoTests, at.Line, at.Column, "the tests file lists no tests");
        }

        var runnable = !file.HasErrors && policy is not null;
        var results = ImmutableArray.CreateBuilder<PolicyTestResult>();
        if (runnable)
        {
            foreach (var test in cases)
            {
                results.Add(Execute(test, policy!));
            }
        }

        foreach (var test in cases)
        {
            file.AddRange(test.Errors.Items);
        }

        return new PolicyTestRun(sourceName, policyPath, runnable, file.ToSortedArray(), runnable ? results.ToImmutable() : []);
    }

    private static PolicyTestRun Unreadable(string sourceName, string code, int position, string message)
    {
        var bag = new DiagnosticBag(sourceName);
        bag.Error(code, position, position, message);
        return new PolicyTestRun(sourceName, null, false, bag.ToSortedArray(), []);
    }

    private static string ResolvePolicyPath(string policy, string sourceName, PolicyTestOptions options)
    {
        if (Path.IsPathRooted(policy))
        {
            return policy;
        }

        var baseDirectory = options.BaseDirectory ?? Path.GetDirectoryName(sourceName);
        return string.IsNullOrEmpty(baseDirectory) ? policy : Path.Combine(baseDirectory, policy);
    }

    private static PolicyTestCase ReadCase(YamlMapping test, SlaPolicy? policy, HashSet<string> names, string sourceName)
    {
        var errors = new DiagnosticBag(sourceName);
        var nameNode = Yaml(errors).Require(test, "name", "a test");
        var name = nameNode is not null ? Yaml(errors).ReadString(nameNode, "a test's `name`") : null;
        var testCase = new PolicyTestCase(name ?? Msg($"(test on line {test.Line})"), test.Line, test.Column, errors);
        if (name is not null && !names.Add(name))
        {
            errors.Error(DiagnosticCodes.TestDuplicateName, nameNode!.Line, nameNode.Column, Msg($"two tests are named `{Truncate(name)}`"));
        }

        Yaml(errors).CheckKeys(test, Msg($"test `{testCase.Name}`"), TestKeys);
        if (Yaml(errors).Require(test, "at", Msg($"test `{testCase.Name}`")) is { } atNode)
        {
            testCase.At = ReadInstant(atNode, "`at`", errors);
        }

        if (Yaml(errors).Require(test, "lead", Msg($"test `{testCase.Name}`")) is { } leadNode)
        {
            testCase.Lead = PolicyTestLead.Read(leadNode, testCase.Name, policy, errors);
        }

        if (Yaml(errors).Require(test, "expect", Msg($"test `{testCase.Name}`")) is { } expectNode)
        {
            if (expectNode is YamlScalar { IsNull: true })
            {
                errors.Error(DiagnosticCodes.TestWrongKind, expectNode.Line, expectNode.Column, "`expect` must name at least one field of the evaluate output, such as `status`");
            }
            else if (Yaml(errors).AsMapping(expectNode, "`expect`") is { } expect)
            {
                PolicyTestExpectations.Check(expect, errors);
                testCase.Expect = expect;
            }
        }

        return testCase;
    }

    private static PolicyTestResult Execute(PolicyTestCase test, SlaPolicy policy)
    {
        if (!test.Runnable)
        {
            return new PolicyTestResult(test.Name, test.Line, test.Column, null, [], test.Errors.ToSortedArray().Where(d => d.IsError).ToImmutableArray());
        }

        var result = policy.TryEvaluate(test.Lead!, test.At!.Value, Evaluation.EvaluationOptions.WithoutTrace);
        if (!result.TryGetValue(out var evaluation))
        {
            test.Errors.Error(DiagnosticCodes.TestEvaluationFailed, test.Line, test.Column, Msg($"test `{test.Name}`: the lead could not be evaluated: {result.Error!.Code}: {result.Error.Message}"));
            return new PolicyTestResult(test.Name, test.Line, test.Column, null, [], test.Errors.ToSortedArray().Where(d => d.IsError).ToImmutableArray());
        }

        var mismatches = PolicyTestExpectations.Match(test.Expect!, evaluation, () => policy.Timeline(test.Lead!, test.At!.Value));
        return new PolicyTestResult(test.Name, test.Line, test.Column, evaluation, mismatches.ToImmutableArray(), []);
    }

    /// <summary>Reads a test's instant (ISO-8601 with Z or an offset), or reports it located.</summary>
    private static NodaTime.Instant? ReadInstant(YamlNode node, string what, DiagnosticBag bag)
    {
        if (node is YamlScalar { IsNull: false } scalar && Evaluation.InstantText.TryParse(scalar.Value.Trim(), out var instant))
        {
            return instant;
        }

        bag.Error(DiagnosticCodes.TestInvalidInstant, node.Line, node.Column, Msg($"{what} is {Describe(node)}; expected an ISO-8601 instant with Z or an offset, like 2026-11-20T15:30:00Z"));
        return null;
    }

    /// <summary>The one YAML value reader, reporting with the codes of a tests file.</summary>
    private static YamlValueReader Yaml(DiagnosticBag bag) => new(bag, YamlValueCodes.Tests);
}
