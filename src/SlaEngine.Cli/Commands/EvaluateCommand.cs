using System.Text.Json;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine evaluate --policy P --at T [--leads FILE|-] [--explain] [--format jsonl|table]</c>.</summary>
internal static class EvaluateCommand
{
    internal const string Help = """
        Usage: slaengine evaluate --policy POLICY.yaml --at INSTANT [--leads FILE|-] [--explain] [--format jsonl|table]

        Evaluates each lead (one JSON object per line; standard input when --leads is - or omitted) at INSTANT and
        prints one line per input line, in input order. An invalid lead line gets
          {"id":…,"error":{"code":…,"message":…,"line":N}}
        and every other lead is still evaluated; the exit code is then 3.

        Options:
          --policy   the policy file
          --at       the evaluation instant, ISO-8601 with Z or an offset (the engine never reads a clock)
          --leads    the JSONL leads file, or - for standard input (default -)
          --explain  add the explanation trace to each line
          --format   jsonl (default) or table

        Examples:
          slaengine evaluate --policy samples/policies/rank-bands.yaml --at 2026-11-22T12:00:00Z --leads samples/leads/leads.jsonl
          slaengine evaluate --policy samples/policies/rank-bands.yaml --at 2026-11-22T12:00:00Z --leads samples/leads/leads.jsonl --format table

        """;

    private const int BatchSize = 4096;

    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, ["--policy", "--at", "--leads", "--format"], ["--explain"]);
        var policyPath = line.Required("--policy", "policy.yaml");
        var at = ParseAt(line.Required("--at", "2026-11-22T12:00:00Z"));
        var format = line.Optional("--format") ?? "jsonl";
        if (format is not ("jsonl" or "table"))
        {
            throw new UsageException($"--format '{format}' is not supported; use jsonl or table.");
        }

        var explain = line.Flag("--explain");
        var policy = PolicyFiles.Load(policyPath, stderr);
        if (policy is null)
        {
            return Program.ExitFailure;
        }

        using var source = LineSource.Open(line.Optional("--leads") ?? "-");
        var table = format == "table" ? new EvaluationTable(stdout) : null;
        var options = explain ? EvaluationOptions.Default : EvaluationOptions.WithoutTrace;
        var invalid = false;
        foreach (var batch in Batches(source))
        {
            var outputs = new LeadOutcome[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                outputs[i] = Process(policy, batch[i].Bytes, batch[i].Number, at, options));
            foreach (var outcome in outputs)
            {
                invalid |= outcome.Evaluation is null;
                if (table is not null)
                {
                    table.Add(outcome);
                }
                else
                {
                    stdout.WriteLine(outcome.Json(explain));
                }
            }
        }

        table?.Flush();
        return invalid ? Program.ExitInvalidInput : Program.ExitOk;
    }

    internal static Instant ParseAt(string text) =>
        LeadJson.TryParseInstant(text, out var at)
            ? at
            : throw new UsageException($"--at '{text}' is not an ISO-8601 instant; write it like 2026-11-22T12:00:00Z.");

    /// <summary>Reads the input in batches of numbered lines, so memory stays constant for any input size.</summary>
    internal static IEnumerable<List<(byte[] Bytes, int Number)>> Batches(LineSource source)
    {
        var number = 0;
        var batch = new List<(byte[], int)>(BatchSize);
        while (source.ReadLine() is { } bytes)
        {
            batch.Add((bytes, ++number));
            if (batch.Count == BatchSize)
            {
                yield return batch;
                batch = new List<(byte[], int)>(BatchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>Reads and evaluates one lead line; never throws.</summary>
    internal static LeadOutcome Process(SlaPolicy policy, byte[] bytes, int number, Instant at, EvaluationOptions options)
    {
        var read = LeadJson.Read(bytes);
        if (!read.Success)
        {
            return new LeadOutcome(number, read.Id, null, read.ErrorCode, read.ErrorMessage);
        }

        if (policy.CheckAssignment(read.Lead) is { } problem)
        {
            return new LeadOutcome(number, read.Id, null, Validation.DiagnosticCodes.LeadUnknownAssignment, problem);
        }

        try
        {
            return new LeadOutcome(number, read.Id, policy.Evaluate(read.Lead, at, options), null, null);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return new LeadOutcome(number, read.Id, null, Validation.DiagnosticCodes.LeadValueOutOfRange, e.Message.Split(" (Parameter")[0]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A safety net: one lead must never stop the others.
            return new LeadOutcome(number, read.Id, null, Validation.DiagnosticCodes.LeadEvaluationFailed, "evaluating the lead failed: " + e.Message);
        }
    }

    /// <summary>The outcome of one input line: an evaluation or a located error.</summary>
    internal sealed record LeadOutcome(int Line, string? Id, LeadEvaluation? Evaluation, string? ErrorCode, string? ErrorMessage)
    {
        internal string Json(bool explain)
        {
            if (Evaluation is not null)
            {
                return EvaluationJson.Serialize(Evaluation, explain);
            }

            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("id", Id);
                writer.WriteStartObject("error");
                writer.WriteString("code", ErrorCode);
                writer.WriteString("message", ErrorMessage);
                writer.WriteNumber("line", Line);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
        }
    }
}
