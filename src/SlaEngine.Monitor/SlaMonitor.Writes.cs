using System.Collections.Immutable;
using System.Data.Common;
using NodaTime;
using SlaEngine.DependencyInjection;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Storage;

namespace SlaEngine.Monitor;

/// <summary>The input API: upserts and appends.</summary>
public sealed partial class SlaMonitor
{
    /// <summary>
    /// Stores a lead's snapshot (replacing the previous one) under a policy, evaluates it now and records the
    /// transitions already due, in one transaction.
    /// </summary>
    /// <param name="policyId">The policy id; null keeps the lead's current policy (required on a lead's first write).</param>
    /// <param name="lead">The snapshot.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The evaluation and the transitions recorded, or why the write was refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public Task<MonitorWriteResult> UpsertAsync(string? policyId, LeadSnapshot lead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (policyId is not null && !_policies.Current.TryGetActive(policyId, out _))
        {
            return Task.FromResult(MonitorWriteResult.Refused(
                lead.Id, MonitorErrorCodes.UnknownPolicy, $"policy '{policyId}' is not loaded; loaded policies: {string.Join(", ", _policies.Current.PolicyIds)}"));
        }

        return WriteAsync(lead.Id, policyId, _ => lead, upsert: true, cancellationToken);
    }

    /// <summary>Appends a sales touch to a stored lead (an identical touch already present is not added twice).</summary>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="touch">The touch.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The evaluation and the transitions recorded, or why the write was refused.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Task<MonitorWriteResult> AppendTouchAsync(string leadId, LeadTouch touch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        ArgumentNullException.ThrowIfNull(touch);
        return WriteAsync(leadId, null, old => old.Touches.Contains(touch) ? old : old with { Touches = old.Touches.Add(touch) }, upsert: false, cancellationToken);
    }

    /// <summary>Appends a behavioural event to a stored lead (an identical event already present is not added twice).</summary>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="leadEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The evaluation and the transitions recorded, or why the write was refused.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Task<MonitorWriteResult> AppendEventAsync(string leadId, LeadEvent leadEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        ArgumentNullException.ThrowIfNull(leadEvent);
        return WriteAsync(leadId, null, old => old.Events.Contains(leadEvent) ? old : old with { Events = old.Events.Add(leadEvent) }, upsert: false, cancellationToken);
    }

    /// <summary>Appends a paused interval of the SLA clock to a stored lead (merged with the pauses it has).</summary>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="paused">The interval; it must have a start and an end.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The evaluation and the transitions recorded, or why the write was refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leadId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="paused"/> is unbounded.</exception>
    public Task<MonitorWriteResult> AppendPauseAsync(string leadId, Interval paused, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        if (!paused.HasStart || !paused.HasEnd)
        {
            throw new ArgumentException("A paused interval needs a start and an end.", nameof(paused));
        }

        return WriteAsync(leadId, null, old => old with { Paused = PauseSchedule.Create(old.Paused.Intervals.Add(paused)) }, upsert: false, cancellationToken);
    }

    /// <summary>Sets the disposition of a stored lead (replacing an earlier one).</summary>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="disposition">The disposition.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The evaluation and the transitions recorded, or why the write was refused.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Task<MonitorWriteResult> SetDispositionAsync(string leadId, LeadDisposition disposition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        ArgumentNullException.ThrowIfNull(disposition);
        return WriteAsync(leadId, null, old => old with { Disposition = disposition }, upsert: false, cancellationToken);
    }

    private async Task<MonitorWriteResult> WriteAsync(string leadId, string? policyId, Func<LeadSnapshot, LeadSnapshot> change, bool upsert, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await TryWriteAsync(leadId, policyId, change, upsert, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e) when (attempt < 3 && _db.IsUniqueViolation(e))
            {
                // Two first writes of one lead raced on PostgreSQL; the loser retries as an update.
            }
        }
    }

    private async Task<MonitorWriteResult> TryWriteAsync(string leadId, string? policyId, Func<LeadSnapshot, LeadSnapshot> change, bool upsert, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _db.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var row = await ReadLeadAsync(connection, transaction, leadId, forUpdate: true, cancellationToken).ConfigureAwait(false);
        if (row is null && !upsert)
        {
            return MonitorWriteResult.Refused(leadId, MonitorErrorCodes.UnknownLead, $"no lead '{leadId}' is monitored; PUT its snapshot first");
        }

        var policy = policyId ?? row?.PolicyId;
        if (policy is null)
        {
            return MonitorWriteResult.Refused(leadId, MonitorErrorCodes.PolicyRequired, $"lead '{leadId}' is new: name its policy");
        }

        var old = row is null ? null : ParseStored(row);
        var snapshot = change(old ?? new LeadSnapshot(leadId));

        // The window of transitions this write records: from the SLA start on a first write; afterwards from the
        // previous evaluation, or from the earliest change when the write changes the past (or the policy changes).
        Instant from;
        if (row is null || old is null)
        {
            from = Instant.MinValue;
        }
        else
        {
            from = row.EvaluatedAt;
            // A transition at the changed instant itself belongs to the new timeline: the window (from, now] starts a
            // second earlier.
            if (LeadChanges.EarliestChange(old, snapshot) is { } changed && changed < from)
            {
                from = changed == Instant.MinValue ? changed : changed - Duration.FromSeconds(1);
            }

            if (policy != row.PolicyId)
            {
                from = Instant.MinValue;
            }
        }

        var outcome = Evaluate(policy, snapshot, row?.SlaStart, from == Instant.MinValue ? (snapshot.MqlAt ?? row?.SlaStart ?? now) : from, now, EvaluationOptions.WithoutTrace);
        if (outcome.IsInvalidLead)
        {
            return MonitorWriteResult.Refused(leadId, outcome.ProblemCode!, outcome.Problem!);
        }

        var json = SnapshotJson.Write(snapshot);
        if (row is null)
        {
            await using var insert = Db.Command(
                connection,
                transaction,
                """
                INSERT INTO sla_leads (id, policy_id, policy_version, snapshot, sla_start, next_change_at, evaluated_at, created_at, status, problem_code, problem, revision)
                VALUES (@id, @policy, @version, @snapshot, @start, @next, @now, @now, @status, @code, @problem, 1)
                """,
                LeadParameters(leadId, outcome, json, now));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await UpdateLeadAsync(connection, transaction, outcome, json, now, row.EvaluatedAt, cancellationToken).ConfigureAwait(false);
        }

        ImmutableArray<RecordedTransition> recorded;
        await using (var inserter = new TransitionInserter(_db, connection, transaction, _sinkNames, _instance))
        {
            recorded = await RecordAsync(connection, transaction, inserter, outcome, now, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (outcome.ProblemCode is { } code)
        {
            LogUnevaluable(leadId, code, outcome.Problem!);
            return MonitorWriteResult.StoredWithProblem(leadId, code, outcome.Problem!);
        }

        return MonitorWriteResult.Ok(leadId, outcome.Evaluation!, recorded);
    }

    private static (string, object?)[] LeadParameters(string leadId, LeadOutcome outcome, string? json, Instant now) =>
    [
        ("@id", leadId),
        ("@policy", outcome.PolicyId),
        ("@version", outcome.Policy is { } p ? (long)p.Version : null),
        ("@snapshot", json),
        ("@start", Db.Ms(outcome.SlaStart)),
        ("@next", Db.Ms(outcome.NextChangeAt)),
        ("@now", Db.Ms(now)),
        ("@status", outcome.Evaluation is { } e ? EvaluationJson.StatusText(e.Status) : null),
        ("@code", outcome.ProblemCode),
        ("@problem", outcome.Problem),
    ];

    /// <summary>
    /// Stores an evaluated lead and releases its lease; <paramref name="json"/> null keeps the stored snapshot. A lead
    /// that could not be evaluated keeps its previous evaluation instant, so the transitions it misses meanwhile are
    /// recorded (late) once it can be evaluated again.
    /// </summary>
    private static async Task UpdateLeadAsync(
        DbConnection connection, DbTransaction transaction, LeadOutcome outcome, string? json, Instant now, Instant previousEvaluation, CancellationToken cancellationToken)
    {
        await using var update = Db.Command(
            connection,
            transaction,
            $"""
            UPDATE sla_leads SET policy_id = @policy, policy_version = COALESCE(@version, policy_version),{(json is null ? "" : " snapshot = @snapshot,")}
                sla_start = @start, next_change_at = @next, evaluated_at = @evaluated, status = COALESCE(@status, status),
                problem_code = @code, problem = @problem, revision = revision + 1, lease_owner = NULL, lease_until = NULL
            WHERE id = @id
            """,
            [.. LeadParameters(outcome.Snapshot.Id, outcome, json ?? "", now), ("@evaluated", Db.Ms(outcome.ProblemCode is null ? now : previousEvaluation))]);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
