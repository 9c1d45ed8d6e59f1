using System.Buffers;
using System.Text.Json;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Cli.Rendering;
using SlaEngine.Policies;
using SlaEngine.Conditions;
using SlaEngine.Diagnostics;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine evaluate --policy P --at T [--leads FILE|-] [--explain] [--strict] [--format jsonl|table]</c>: the pipeline.</summary>
internal static partial class EvaluateCommand
{
    private const int BatchSize = 1024;

    /// <summary>Lines per unit of parallel work: small enough to balance two cores, large enough to amortize scheduling.</summary>
    private const int ChunkSize = 256;

    /// <summary>A batch ends early once it holds this many bytes, so a file of very long lines stays bounded too.</summary>
    private const int BatchBytes = 8 << 20;

    /// <summary>Every core: the parallel loops of the commands that evaluate leads in batches.</summary>
    internal static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    internal static int Run(Settings settings, CliContext context) =>
        ImportInput.WithLeads(settings.LeadsPath, settings.Input, context.Error, source => Run(settings, context, source));

    private static int Run(Settings settings, CliContext context, LineSource source)
    {
        var policy = PolicyFiles.Load(settings.PolicyPath, context.Error);
        if (policy is null)
        {
            return Program.ExitFailure;
        }

        var (at, explain, stdout) = (settings.At, settings.Explain, context.Out);
        using var progress = ProgressDisplay.Start(context, "evaluate", source);
        var options = (explain ? EvaluationOptions.WithTrace : EvaluationOptions.Default) with { Strict = settings.Strict };
        if (settings.Table)
        {
            var table = new EvaluationTable(context, policy, settings.Zone, explain);
            var anyInvalid = false;
            foreach (var batch in Evaluated(source, policy, at, options))
            {
                foreach (var outcome in batch)
                {
                    anyInvalid |= outcome.Evaluation is null;
                    table.Add(outcome);
                }

                progress?.Add(batch.Length);
            }

            table.Flush();
            return anyInvalid ? Program.ExitInvalidInput : Program.ExitOk;
        }

        Func<LeadOutcome, DateTimeZone?>? zoneOf = settings.Zone.IsUtc ? null : outcome => settings.Zone.Resolve(
            outcome.Evaluation?.Calendar is { } name && policy.TryGetCalendar(name, out var calendar) ? calendar.Zone : null);
        return WriteJsonLines(source, policy, at, options, explain, stdout, progress, zoneOf) ? Program.ExitInvalidInput : Program.ExitOk;
    }

    /// <summary>
    /// Evaluates the input in batches, in parallel, and yields each batch's outcomes in input order. A background task
    /// reads the next batch while the current one is evaluated, and at most two batches are held, so memory stays
    /// constant for any input size. Outcomes hold leads and evaluations until the caller is done with the batch: keep
    /// <paramref name="batchSize"/> small when they are kept, so they die young and the heap stays small.
    /// </summary>
    internal static IEnumerable<LeadOutcome[]> Evaluated(LineSource source, SlaPolicy policy, Instant at, EvaluationOptions options, int batchSize = BatchSize)
    {
        foreach (var batch in Prefetched(Batches(source, batchSize)))
        {
            var outcomes = new LeadOutcome[batch.Count];
            var chunks = (batch.Count + ChunkSize - 1) / ChunkSize;
            Parallel.For(0, chunks, Parallelism, c =>
            {
                var end = Math.Min(batch.Count, (c + 1) * ChunkSize);
                for (var i = c * ChunkSize; i < end; i++)
                {
                    outcomes[i] = Process(policy, batch.Read(i), batch.Number(i), at, options);
                }
            });
            yield return outcomes;
        }
    }

    /// <summary>
    /// The JSONL path: reading, evaluating and writing overlap. Each chunk of a batch is read, evaluated and written
    /// as UTF-8 JSON into its own reusable buffer on a worker thread; a writer task then copies the buffers to the
    /// output in input order while the next batch is evaluated. Returns whether any line was invalid.
    /// </summary>
    private static bool WriteJsonLines(LineSource source, SlaPolicy policy, Instant at, EvaluationOptions options, bool explain, TextWriter stdout, ProgressDisplay? progress, Func<LeadOutcome, DateTimeZone?>? zoneOf = null)
    {
        // Bytes go straight to the stream under a StreamWriter (the real tool); other writers (tests) get decoded text.
        stdout.Flush();
        var stream = stdout is StreamWriter { BaseStream: { CanWrite: true } baseStream } writer && writer.Encoding.CodePage == 65001 ? baseStream : null;
        var sets = new[] { NewChunkSet(), NewChunkSet() };
        var invalid = 0;
        Task pendingWrite = Task.CompletedTask;
        var turn = 0;
        foreach (var batch in Prefetched(Batches(source)))
        {
            var chunks = (batch.Count + ChunkSize - 1) / ChunkSize;
            var set = sets[turn++ & 1];
            while (set.Count < chunks)
            {
                set.Add(new ChunkBuffer(zoneOf));
            }

            // The set was last used two batches ago; its write finished before the previous batch's write started.
            Parallel.For(0, chunks, Parallelism, c =>
            {
                var buffer = set[c];
                buffer.Reset();
                var end = Math.Min(batch.Count, (c + 1) * ChunkSize);
                for (var i = c * ChunkSize; i < end; i++)
                {
                    var outcome = Process(policy, batch.Read(i), batch.Number(i), at, options);
                    if (outcome.Evaluation is null)
                    {
                        Interlocked.Exchange(ref invalid, 1);
                    }

                    buffer.Append(outcome, explain);
                }
            });

            pendingWrite.GetAwaiter().GetResult();
            progress?.Add(batch.Count);
            var count = chunks;
            pendingWrite = Task.Run(() => WriteChunks(set, count, stream, stdout));
        }

        pendingWrite.GetAwaiter().GetResult();
        if (stream is not null)
        {
            stream.Flush();
        }

        return invalid != 0;
    }

    private static List<ChunkBuffer> NewChunkSet() => [];

    private static void WriteChunks(List<ChunkBuffer> set, int count, Stream? stream, TextWriter stdout)
    {
        for (var c = 0; c < count; c++)
        {
            var bytes = set[c].Written;
            if (stream is not null)
            {
                stream.Write(bytes);
            }
            else
            {
                stdout.Write(System.Text.Encoding.UTF8.GetString(bytes));
            }
        }
    }

    /// <summary>Runs <paramref name="batches"/> one step ahead on a background task, so reading overlaps the work on the previous batch.</summary>
    internal static IEnumerable<T> Prefetched<T>(IEnumerable<T> batches)
        where T : class
    {
        // The enumerator is only ever advanced by one task at a time: each MoveNext starts after the previous one ended.
        using var enumerator = batches.GetEnumerator();
        var next = Task.Run(() => enumerator.MoveNext() ? enumerator.Current : null);
        while (next.GetAwaiter().GetResult() is { } current)
        {
            next = Task.Run(() => enumerator.MoveNext() ? enumerator.Current : null);
            yield return current;
        }
    }

    /// <summary>
    /// Reads the input in batches of numbered lines (at most <see cref="BatchSize"/> lines or about
    /// <see cref="BatchBytes"/> bytes), so memory stays constant for any input size. Two batch buffers take turns:
    /// a batch stays valid until the one after the next is requested, which is what <see cref="Prefetched"/> needs.
    /// </summary>
    internal static IEnumerable<LineBatch> Batches(LineSource source, int maxLines = BatchSize)
    {
        var buffers = new[] { new LineBatch(), new LineBatch() };
        var number = 0;
        var turn = 0;
        while (true)
        {
            var batch = buffers[turn++ & 1];
            batch.Clear(number + 1);
            while (batch.Count < maxLines && batch.Bytes < BatchBytes && source.TryReadLine(out var bytes))
            {
                batch.Add(bytes, source.Origin);
                number++;
            }

            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
        }
    }

    /// <summary>Reads and evaluates one lead line through the library's public API; never throws.</summary>
    internal static LeadOutcome Process(SlaPolicy policy, ReadOnlySpan<byte> bytes, int number, Instant at, EvaluationOptions options) =>
        Process(policy, LeadSnapshot.Parse(bytes), number, at, options);

    /// <summary>Evaluates one lead as read (or answers its read error, a bad JSON line's or a bad CSV row's); never throws.</summary>
    internal static LeadOutcome Process(SlaPolicy policy, LeadParseResult read, int number, Instant at, EvaluationOptions options)
    {
        if (!read.TryGetValue(out var lead))
        {
            return new LeadOutcome(number, null, read.Error);
        }

        return new LeadOutcome(number, Evaluate(policy, lead, at, options), null, lead);
    }

    /// <summary>
    /// Evaluates one lead; bad data comes back as the result's error. A failure of the engine itself (a bug) becomes
    /// the lead's error too (<c>SLA0708</c>, named by the exception's type), so one lead never stops the others.
    /// </summary>
    internal static LeadEvaluationResult Evaluate(SlaPolicy policy, LeadSnapshot lead, Instant at, EvaluationOptions options)
    {
        try
        {
            return policy.TryEvaluate(lead, at, options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Failed(lead, e);
        }
    }

    /// <summary>The error of a lead whose evaluation failed unexpectedly.</summary>
    internal static LeadEvaluationResult Failed(LeadSnapshot lead, Exception e) =>
        LeadEvaluationResult.ForError(new LeadError(DiagnosticCodes.LeadEvaluationFailed, $"evaluating the lead failed unexpectedly ({e.GetType().Name}); please report it with the lead") { LeadId = lead.Id });

    /// <summary>The outcome of one input line: an evaluation (with its lead) or a located error.</summary>
    internal sealed class LeadOutcome
    {
        internal LeadOutcome(int line, LeadEvaluationResult? result, LeadError? readError, LeadSnapshot? lead = null)
        {
            Line = line;
            Evaluation = result?.Success == true ? result.Value : null;
            Error = readError ?? result?.Error;
            Lead = lead;
        }

        internal int Line { get; }

        internal LeadEvaluation? Evaluation { get; }

        internal LeadError? Error { get; }

        internal LeadSnapshot? Lead { get; }

        internal string? Id => Evaluation?.Id ?? Error?.LeadId;

        internal string? ErrorCode => Error?.Code;

        internal string? ErrorMessage => Error?.Message;

        internal string Json(bool explain)
        {
            var buffer = new ChunkBuffer();
            buffer.Append(this, explain);
            var text = System.Text.Encoding.UTF8.GetString(buffer.Written);
            return text[..^1];
        }

        /// <summary>Writes the output line's JSON object (without the newline).</summary>
        internal void Write(Utf8JsonWriter writer, bool explain)
        {
            if (Evaluation is not null)
            {
                EvaluationJson.Write(writer, Evaluation, explain ? EvaluationJsonOptions.WithTrace : EvaluationJsonOptions.Default);
                return;
            }

            EvaluationJson.Write(writer, Error!, Line);
        }
    }

    /// <summary>A reusable UTF-8 buffer of output lines, with its own JSON writer: one per chunk of a batch.</summary>
    private sealed class ChunkBuffer
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
        private readonly Utf8JsonWriter _writer;

        /// <summary>With <c>--zone</c>: each line is written here first, then copied with its instants in the zone.</summary>
        private readonly ArrayBufferWriter<byte>? _unzoned;
        private readonly Func<LeadOutcome, DateTimeZone?>? _zoneOf;

        internal ChunkBuffer(Func<LeadOutcome, DateTimeZone?>? zoneOf = null)
        {
            _zoneOf = zoneOf;
            _unzoned = zoneOf is null ? null : new ArrayBufferWriter<byte>(1 << 12);
            _writer = new Utf8JsonWriter((IBufferWriter<byte>?)_unzoned ?? _buffer, EvaluationJson.WriterOptions);
        }

        internal ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

        internal void Reset() => _buffer.ResetWrittenCount();

        internal void Append(LeadOutcome outcome, bool explain)
        {
            _writer.Reset((IBufferWriter<byte>?)_unzoned ?? _buffer);
            outcome.Write(_writer, explain);
            _writer.Flush();
            if (_unzoned is not null)
            {
                ZonedJson.Rewrite(_unzoned.WrittenSpan, _zoneOf!(outcome), _buffer);
                _unzoned.ResetWrittenCount();
            }

            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
        }
    }
}
