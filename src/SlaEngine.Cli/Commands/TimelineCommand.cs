using System.CommandLine;
using SlaEngine.Cli.Rendering;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine timeline --policy P --at T [--until T] [--leads FILE|-]</c>: every change of each lead's verdict ahead.</summary>
internal static class TimelineCommand
{
    /// <summary>Defines the command.</summary>
    internal static Command Create(CliContext context)
    {
        var policy = CliOptions.Policy();
        var at = CliOptions.At(context);
        var until = CliOptions.Instant(context, "--until", "The last instant included (default: 366 days after --at).", required: false);
        var leads = CliOptions.Leads();
        var map = CliOptions.Map();
        var command = new Command("timeline", "Every change of each lead's verdict ahead, exact to the second, with keys to act on once.") { policy, at, until, leads };
        map.AddTo(command);
        command.SetAction(result =>
        {
            var start = result.GetValue(at);
            Instant? end = result.GetResult(until) is { Implicit: false } ? result.GetValue(until) : null;
            if (end < start)
            {
                return Program.UsageError(context, command, "--until is before --at.");
            }

            return ImportInput.WithLeads(result.GetValue(leads)!, map.Read(result), context.Error, source => Run(result.GetValue(policy)!, start, end, source, context));
        });
        return command.WithHelp(
            "For each lead (one JSON object per line) lists every change of its verdict after --at and up to --until, exact to the second, one line per input line, in input order: {\"id\":…,\"next_change_at\":…,\"transitions\":[{\"at\":…,\"subject\":…,\"field\":…,\"from\":…,\"to\":…,\"key\":…}]}. A host evaluates a lead again at next_change_at and acts once on each key it has not seen before. A lead without mql_at starts its SLA at --at. An invalid lead line gets {\"id\":…,\"error\":{\"code\":…,\"message\":…,\"line\":N}}, every other lead is still answered, and the exit code is 3.",
            "slaengine timeline --policy samples/policies/rank-bands.yaml --at 2026-11-20T20:00:00Z --leads samples/leads/leads.jsonl",
            "slaengine timeline --policy samples/policies/rank-bands.yaml --at 2026-11-20T20:00:00Z --until 2026-12-10T20:00:00Z --leads - < leads.jsonl");
    }

    private const int ChunkSize = 128;

    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    private static int Run(string policyPath, Instant at, Instant? until, LineSource source, CliContext context)
    {
        var (stdout, stderr) = (context.Out, context.Error);
        var policy = PolicyFiles.Load(policyPath, stderr);
        if (policy is null)
        {
            return Program.ExitFailure;
        }

        using var progress = ProgressDisplay.Start(context, "timeline", source);
        var invalid = false;
        foreach (var batch in EvaluateCommand.Prefetched(EvaluateCommand.Batches(source, 2048)))
        {
            var lines = new string[batch.Count];
            var chunks = (batch.Count + ChunkSize - 1) / ChunkSize;
            Parallel.For(0, chunks, Parallelism, c =>
            {
                var end = Math.Min(batch.Count, (c + 1) * ChunkSize);
                for (var i = c * ChunkSize; i < end; i++)
                {
                    lines[i] = Process(policy, batch.Line(i), batch.Number(i), at, until, out var bad);
                    if (bad)
                    {
                        Volatile.Write(ref invalid, true);
                    }
                }
            });

            foreach (var text in lines)
            {
                stdout.Write(text);
                stdout.Write('\n');
            }

            progress?.Add(batch.Count);
        }

        stdout.Flush();
        return invalid ? Program.ExitInvalidInput : Program.ExitOk;
    }

    /// <summary>Reads one lead line and writes its timeline line, or its located error line; never throws.</summary>
    internal static string Process(SlaPolicy policy, ReadOnlyMemory<byte> bytes, int number, Instant at, Instant? until, out bool invalid)
    {
        var read = LeadSnapshot.Parse(bytes.Span);
        invalid = true;
        if (!read.TryGetValue(out var lead))
        {
            return EvaluationJson.Serialize(read.Error!, number);
        }

        var result = policy.TryTimeline(lead, at, until);
        if (!result.TryGetValue(out var timeline))
        {
            return EvaluationJson.Serialize(result.Error!, number);
        }

        invalid = false;
        return TimelineJson.Serialize(timeline);
    }

}
