using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NodaTime;
using SlaEngine.Monitor.Storage;

namespace SlaEngine.Monitor;

/// <summary>Delivery: the outbox drained to the sinks, at least once, with backoff and dead letters.</summary>
public sealed partial class SlaMonitor
{
    /// <summary>
    /// Takes one batch of due deliveries, leases them, calls their sinks (concurrently, up to
    /// <see cref="SlaMonitorOptions.DeliveryConcurrency"/>), and stores each outcome: delivered; failed and retried after
    /// a backoff; or, after <see cref="SlaMonitorOptions.MaxDeliveryAttempts"/> failures, parked as a dead letter.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of deliveries attempted (fewer than the batch size means nothing else is due).</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        if (_sinks.IsEmpty)
        {
            return 0;
        }

        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();
        var claimed = new List<(long Seq, string Sink, long Attempts)>();
        var transitions = new Dictionary<long, RecordedTransition>();
        await using (var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            await using (var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                await using (var claim = Db.Command(
                    connection,
                    transaction,
                    $"""
                    UPDATE sla_deliveries SET lease_owner = @owner, lease_until = {_db.DbNowMilliseconds} + @lease
                    WHERE (seq, sink) IN (
                        SELECT seq, sink FROM sla_deliveries
                        WHERE delivered_at IS NULL AND dead = 0 AND next_attempt_at <= @now
                            AND (lease_until IS NULL OR lease_until <= {_db.DbNowMilliseconds}) AND {_db.InList("sink", "@sinks")}
                        ORDER BY next_attempt_at, seq
                        LIMIT @batch{_db.LockSkipLocked})
                    RETURNING seq, sink, attempts
                    """,
                    ("@owner", _instance),
                    ("@lease", (long)Options.LeaseDuration.TotalMilliseconds),
                    ("@now", Db.Ms(now)),
                    ("@sinks", _db.ListValue(_sinkNames)),
                    ("@batch", (long)Options.DeliveryBatchSize)))
                {
                    await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        claimed.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (claimed.Count == 0)
            {
                return 0;
            }

            await using var load = Db.Command(
                connection,
                null,
                $"SELECT {TransitionColumns} FROM sla_transitions WHERE {_db.InNumberList("seq", "@seqs")}",
                ("@seqs", _db.NumberListValue(claimed.Select(c => c.Seq).Distinct().ToList())));
            foreach (var transition in await ReadTransitionsAsync(load, cancellationToken).ConfigureAwait(false))
            {
                transitions[transition.Seq] = transition;
            }
        }

        var results = new ConcurrentBag<(long Seq, string Sink, long Attempts, string? Error, long Milliseconds)>();
        var sinks = _sinks.ToDictionary(s => s.Name, StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            claimed.OrderBy(c => c.Seq),
            new ParallelOptions { MaxDegreeOfParallelism = Options.DeliveryConcurrency, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var watch = Stopwatch.StartNew();
                string? error = null;
                try
                {
                    await sinks[item.Sink].DeliverAsync(transitions[item.Seq], token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception e)
                {
                    error = $"{e.GetType().Name}: {e.Message}";
                }

                results.Add((item.Seq, item.Sink, item.Attempts + 1, error, watch.ElapsedMilliseconds));
            }).ConfigureAwait(false);

        await StoreDeliveryResultsAsync(results, transitions, cancellationToken).ConfigureAwait(false);
        return claimed.Count;
    }

    /// <summary>Lists the dead letters, oldest transition first.</summary>
    /// <param name="after">Only dead letters of transitions after this sequence number (a cursor; 0 for all).</param>
    /// <param name="limit">The most to return, 1 to 10,000.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The dead letters.</returns>
    public async Task<ImmutableArray<DeadLetter>> ListDeadLettersAsync(long after = 0, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Db.Command(
            connection,
            null,
            $"""
            SELECT t.seq, t.lead_id, t.policy_id, t.policy_version, t.key, t.at, t.subject, t.field, t.from_json, t.to_json, t.recorded_at,
                d.sink, d.attempts, d.last_error, d.died_at
            FROM sla_dead_letters d JOIN sla_transitions t ON t.seq = d.seq
            WHERE d.seq > @after ORDER BY d.seq, d.sink LIMIT @limit
            """,
            ("@after", after),
            ("@limit", (long)limit));
        var result = ImmutableArray.CreateBuilder<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new DeadLetter(ReadTransition(reader, 0), reader.GetString(11), (int)reader.GetInt64(12), reader.GetString(13), Db.Instant(reader, 14)));
        }

        return result.ToImmutable();
    }

    /// <summary>Puts a dead letter back in the outbox: it is delivered again, with a fresh count of attempts.</summary>
    /// <param name="seq">The transition's sequence number.</param>
    /// <param name="sink">The sink it died for.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether there was such a dead letter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sink"/> is null.</exception>
    public async Task<bool> ReplayDeadLetterAsync(long seq, string sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var delete = Db.Command(connection, transaction, "DELETE FROM sla_dead_letters WHERE seq = @seq AND sink = @sink", ("@seq", seq), ("@sink", sink));
        if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }

        await using var revive = Db.Command(
            connection,
            transaction,
            "UPDATE sla_deliveries SET dead = 0, attempts = 0, next_attempt_at = @now, lease_owner = NULL, lease_until = NULL WHERE seq = @seq AND sink = @sink",
            ("@seq", seq),
            ("@sink", sink),
            ("@now", Db.Ms(now)));
        await revive.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task StoreDeliveryResultsAsync(
        IEnumerable<(long Seq, string Sink, long Attempts, string? Error, long Milliseconds)> results,
        Dictionary<long, RecordedTransition> transitions,
        CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var (seq, sink, attempts, error, milliseconds) in results)
        {
            await using (var attempt = Db.Command(
                connection,
                transaction,
                "INSERT INTO sla_delivery_attempts (seq, sink, attempt, at, succeeded, error, duration_ms, instance) VALUES (@seq, @sink, @attempt, @now, @ok, @error, @ms, @instance)",
                ("@seq", seq),
                ("@sink", sink),
                ("@attempt", attempts),
                ("@now", Db.Ms(now)),
                ("@ok", error is null ? 1L : 0L),
                ("@error", error),
                ("@ms", milliseconds),
                ("@instance", _instance)))
            {
                await attempt.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (error is null)
            {
                await using var delivered = Db.Command(
                    connection,
                    transaction,
                    "UPDATE sla_deliveries SET delivered_at = @now, attempts = @attempts, last_error = NULL, lease_owner = NULL, lease_until = NULL WHERE seq = @seq AND sink = @sink",
                    ("@now", Db.Ms(now)),
                    ("@attempts", attempts),
                    ("@seq", seq),
                    ("@sink", sink));
                await delivered.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _metrics.Delivered(sink);
                continue;
            }

            var dead = attempts >= Options.MaxDeliveryAttempts;
            var backoff = Options.DeliveryBackoff * Math.Pow(2, Math.Min(attempts - 1, 30));
            if (backoff > Options.MaxDeliveryBackoff)
            {
                backoff = Options.MaxDeliveryBackoff;
            }

            await using (var failed = Db.Command(
                connection,
                transaction,
                "UPDATE sla_deliveries SET attempts = @attempts, last_error = @error, next_attempt_at = @next, dead = @dead, lease_owner = NULL, lease_until = NULL WHERE seq = @seq AND sink = @sink",
                ("@attempts", attempts),
                ("@error", error),
                ("@next", Db.Ms(now + backoff)),
                ("@dead", dead ? 1L : 0L),
                ("@seq", seq),
                ("@sink", sink)))
            {
                await failed.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            _metrics.DeliveryFailed(sink);
            if (dead)
            {
                await using var park = Db.Command(
                    connection,
                    transaction,
                    "INSERT INTO sla_dead_letters (seq, sink, attempts, last_error, died_at) VALUES (@seq, @sink, @attempts, @error, @now) ON CONFLICT (seq, sink) DO NOTHING",
                    ("@seq", seq),
                    ("@sink", sink),
                    ("@attempts", attempts),
                    ("@error", error),
                    ("@now", Db.Ms(now)));
                await park.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _metrics.DeadLettered(sink);
                LogDeadLetter(transitions[seq].Key, sink, attempts, error);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Transition {Key} is parked as dead for sink {Sink} after {Attempts} attempts: {Error}")]
    private partial void LogDeadLetter(string key, string sink, long attempts, string error);
}
