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
        var format = CliOptions.Format("jsonl", "svg", "html");
        var output = new Option<string>("--out") { Description = "svg: the directory to write one ID.svg per lead into (without it, the single lead's SVG goes to standard output); html: the page's file (default standard output).", HelpName = "PATH" };
        var zone = CliOptions.Zone("svg and html: draw the time axis in this zone: calendar (default for pictures: the routed calendar's), utc or an IANA id.");
        var command = new Command("timeline", "Every change of each lead's verdict ahead, exact to the second, with keys to act on once.") { policy, at, until, leads, format, output, zone };
        map.AddTo(command);
        command.SetAction(result =>
        {
            var start = result.GetValue(at);
            Instant? end = result.GetResult(until) is { Implicit: false } ? result.GetValue(until) : null;
            if (end < start)
            {
                return Program.UsageError(context, command, "--until is before --at.");
            }

            var picture = result.GetValue(format) is "svg" or "html" ? new PictureSettings(result.GetValue(format) == "html", result.GetValue(output), result.GetResult(zone) is { Implicit: false } ? result.GetValue(zone) : null) : null;
            return ImportInput.WithLeads(result.GetValue(leads)!, map.Read(result), context.Error, source => picture is null
                ? Run(result.GetValue(policy)!, start, end, source, context)
                : RunPictures(result.GetValue(policy)!, start, end, source, picture, command, context));
        });
        return command.WithHelp(
            "For each lead (one JSON object per line) lists every change of its verdict after --at and up to --until, exact to the second, one line per input line, in input order: {\"id\":…,\"next_change_at\":…,\"transitions\":[{\"at\":…,\"subject\":…,\"field\":…,\"from\":…,\"to\":…,\"key\":…}]}. A host evaluates a lead again at next_change_at and acts once on each key it has not seen before. A lead without mql_at starts its SLA at --at. An invalid lead line gets {\"id\":…,\"error\":{\"code\":…,\"message\":…,\"line\":N}}, every other lead is still answered, and the exit code is 3.",
            "slaengine timeline --policy samples/policies/rank-bands.yaml --at 2026-11-20T20:00:00Z --leads samples/leads/leads.jsonl",
            "slaengine timeline --policy samples/policies/rank-bands.yaml --at 2026-11-20T20:00:00Z --until 2026-12-10T20:00:00Z --leads - < leads.jsonl");
    }

    private static readonly EvaluationOptions PictureCheck = new() { IncludeTrace = false, IncludeNextChange = false };

    /// <summary>What <c>--format svg|html</c> asked for.</summary>
    private sealed record PictureSettings(bool Html, string? Out, TimeZoneChoice? Zone);

    /// <summary>
    /// The pictures: one SVG per lead (into <c>--out DIR</c>, or the single lead's to standard output) or one
    /// self-contained HTML page for all leads. A lead that cannot be read or evaluated is its located error line on
    /// standard error (and an entry of the page), and the exit code is 3.
    /// </summary>
    private static int RunPictures(string policyPath, Instant at, Instant? until, LineSource source, PictureSettings settings, Command command, CliContext context)
    {
        var policy = PolicyFiles.Load(policyPath, context.Error);
        if (policy is null)
        {
            return Program.ExitFailure;
        }

        var options = new Pictures.TimelinePictureOptions { Until = until, Zone = settings.Zone?.Resolve(null) };
        var page = settings.Html ? new Pictures.TimelinePage(policy, at, options) : null;
        var invalid = false;
        var svgs = new List<(string Id, string Svg)>();
        foreach (var batch in EvaluateCommand.Batches(source, 256))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var read = batch.Read(i);
                LeadError? error = read.Error;
                if (read.TryGetValue(out var lead) && policy.TryEvaluate(lead, at, PictureCheck) is { Success: false } check)
                {
                    error = check.Error;
                }

                if (error is not null || lead is null)
                {
                    invalid = true;
                    context.Error.WriteLine(EvaluationJson.Serialize(error!, batch.Number(i)));
                    page?.AddInvalid(error!.LeadId, error.Code, error.Message, batch.Number(i));
                    continue;
                }

                if (page is not null)
                {
                    invalid |= !page.Add(lead);
                }
                else if (settings.Out is { } dir)
                {
                    Directory.CreateDirectory(dir);
                    File.WriteAllText(Path.Combine(dir, FileName(lead.Id) + ".svg"), Pictures.TimelineSvg.Render(policy, lead, at, options));
                }
                else
                {
                    svgs.Add((lead.Id, Pictures.TimelineSvg.Render(policy, lead, at, options)));
                    if (svgs.Count > 1)
                    {
                        return Program.UsageError(context, command, "--format svg without --out writes one lead's SVG to standard output; give --out DIR for several leads.");
                    }
                }
            }
        }

        if (page is not null)
        {
            if (settings.Out is { } file)
            {
                using var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false));
                page.WriteTo(writer);
            }
            else
            {
                page.WriteTo(context.Out);
            }
        }
        else if (svgs.Count == 1)
        {
            context.Out.Write(svgs[0].Svg);
        }

        return invalid ? Program.ExitInvalidInput : Program.ExitOk;
    }

    /// <summary>A lead id as a file name: characters a file system may refuse become <c>_</c>.</summary>
    private static string FileName(string id)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = id.Select(c => invalid.Contains(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c).ToArray();
        var name = new string(chars);
        return name is "" or "." or ".." ? "_" + name : name;
    }

    private const int ChunkSize = 128;

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
            Parallel.For(0, chunks, EvaluateCommand.Parallelism, c =>
            {
                var end = Math.Min(batch.Count, (c + 1) * ChunkSize);
                for (var i = c * ChunkSize; i < end; i++)
                {
                    lines[i] = Process(policy, batch.Read(i), batch.Number(i), at, until, out var bad);
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
    internal static string Process(SlaPolicy policy, LeadParseResult read, int number, Instant at, Instant? until, out bool invalid)
    {
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
