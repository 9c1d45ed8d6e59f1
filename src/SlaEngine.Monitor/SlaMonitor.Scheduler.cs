using System.Data.Common;
using Microsoft.Extensions.Logging;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Storage;

namespace SlaEngine.Monitor;

/// <summary>The scheduler: due leads leased, re-evaluated and recorded.</summary>
public sealed partial class SlaMonitor
{
    /// <summary>
    /// Takes one batch of due leads (<c>next_change_at</c> at or before now), leases them, re-evaluates each, and
    /// records their transitions and next wake-ups in one transaction. Several processes may call it at once: a lead is
    /// handled by one of them at a time; a lead written meanwhile is left to the write (which evaluated it already).
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of leads taken (fewer than the batch size means nothing else is due).</returns>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();
        var claimed = await ClaimDueAsync(now, cancellationToken).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var outcomes = new List<(LeadRow Row, LeadOutcome Outcome)>(claimed.Count);
        foreach (var row in claimed)
        {
            outcomes.Add((row, EvaluateStored(row, now)));
        }

        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);

        // Only leads still leased by this process, unchanged since they were taken, are recorded: a write in between
        // evaluated the new snapshot itself, and an expired lease may have passed the lead to another process.
        var held = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var check = Db.Command(
            connection,
            transaction,
            $"SELECT id, revision FROM sla_leads WHERE {_db.InList("id", "@ids")} AND lease_owner = @owner{_db.LockForUpdate}",
            ("@ids", _db.ListValue(claimed.Select(r => r.Id).ToList())),
            ("@owner", _instance)))
        {
            await using var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                held[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var recorded = 0;
        await using (var inserter = new TransitionInserter(_db, connection, transaction, _sinkNames, _instance))
        {
            foreach (var (row, outcome) in outcomes)
            {
                if (!held.TryGetValue(row.Id, out var revision) || revision != row.Revision)
                {
                    continue;
                }

                recorded += (await RecordAsync(connection, transaction, inserter, outcome, now, cancellationToken).ConfigureAwait(false)).Length;
                await UpdateLeadAsync(connection, transaction, outcome, json: null, now, row.EvaluatedAt, cancellationToken).ConfigureAwait(false);
                if (outcome.ProblemCode is { } code && row.ProblemCode != code)
                {
                    LogUnevaluable(row.Id, code, outcome.Problem!);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _metrics.Evaluated(held.Count);
        return claimed.Count;
    }

    /// <summary>
    /// Evaluates a stored lead for the scheduler. One lead that fails unexpectedly (a stored snapshot changed by hand, a
    /// defect) is reported on its own (<see cref="MonitorErrorCodes.EvaluationFailed"/>) and never stops its batch.
    /// </summary>
    private LeadOutcome EvaluateStored(LeadRow row, Instant now)
    {
        LeadSnapshot? snapshot = null;
        try
        {
            snapshot = ParseStored(row);
            return Evaluate(row.PolicyId, snapshot, row.SlaStart, row.EvaluatedAt, now, EvaluationOptions.WithoutTrace);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new LeadOutcome
            {
                Snapshot = snapshot ?? new LeadSnapshot(row.Id),
                PolicyId = row.PolicyId,
                SlaStart = row.SlaStart,
                NextChangeAt = now + Options.UnevaluableRetry,
                ProblemCode = MonitorErrorCodes.EvaluationFailed,
                Problem = $"evaluating the lead failed: {e.GetType().Name}: {e.Message}",
            };
        }
    }

    private async Task<List<LeadRow>> ClaimDueAsync(Instant now, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var claim = Db.Command(
            connection,
            transaction,
            $"""
            UPDATE sla_leads SET lease_owner = @owner, lease_until = {_db.DbNowMilliseconds} + @lease
            WHERE id IN (
                SELECT id FROM sla_leads
                WHERE next_change_at <= @now AND (lease_until IS NULL OR lease_until <= {_db.DbNowMilliseconds})
                ORDER BY next_change_at
                LIMIT @batch{_db.LockSkipLocked})
            RETURNING {LeadRow.Columns}
            """,
            ("@owner", _instance),
            ("@lease", (long)Options.LeaseDuration.TotalMilliseconds),
            ("@now", Db.Ms(now)),
            ("@batch", (long)Options.BatchSize));
        var rows = new List<LeadRow>();
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(LeadRow.Read(reader));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Lead {LeadId} cannot be evaluated ({Code}): {Problem}")]
    private partial void LogUnevaluable(string leadId, string code, string problem);
}
