using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NodaTime;
using SlaEngine.DependencyInjection;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Hosting;
using SlaEngine.Monitor.Storage;
using SlaEngine.Monitor.Timeline;
using SlaEngine.Policies;

namespace SlaEngine.Monitor;

/// <summary>
/// Keeps open leads in a database, evaluates each at every write and again exactly when its SLA changes next, records
/// every transition once, and delivers it to the sinks. Registered by
/// <see cref="SlaMonitorServiceCollectionExtensions.AddSlaMonitor"/>; the hosted scheduler and delivery call
/// <see cref="RunDueAsync"/> and <see cref="DeliverDueAsync"/>.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe; every method may be called concurrently, from several processes too (with PostgreSQL). Time comes from
/// the injected <see cref="IClock"/>, read once per operation and truncated to milliseconds.
/// </para>
/// <para>
/// A write is evaluated at once and stored in one transaction with the transitions already due: on a lead's first
/// write, every transition after its SLA start up to now; afterwards, those after its previous evaluation, or, for a
/// write that changes the past (a touch dated earlier), those of the new timeline after the earliest change whose keys
/// are new. When a method returns, its writes are durable.
/// </para>
/// </remarks>
public sealed partial class SlaMonitor : IAsyncDisposable, IDisposable
{
    /// <summary>How far ahead a lead's timeline is computed; a lead with nothing ahead is looked at again after this long.</summary>
    internal static readonly Duration Horizon = Duration.FromDays(366);

    private readonly SqlDialect _db;
    private readonly IPolicyStore _policies;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly MonitorMetrics _metrics;
    private readonly ImmutableArray<ISlaTransitionSink> _sinks;
    private readonly ImmutableArray<string> _sinkNames;
    private readonly string _instance;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    internal SlaMonitor(SlaMonitorOptions options, IPolicyStore policies, IClock clock, IEnumerable<ISlaTransitionSink> sinks, ILogger logger, MonitorMetrics metrics)
    {
        Options = options;
        _policies = policies;
        _clock = clock;
        _logger = logger;
        _metrics = metrics;
        _sinks = sinks.ToImmutableArray();
        _sinkNames = _sinks.Select(s => s.Name).ToImmutableArray();
        _instance = options.InstanceName ?? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:{Random.Shared.Next(0x10000):x4}");
        _db = options.Provider == MonitorDatabaseProvider.PostgreSql
            ? new PostgresDialect(options.ConnectionString!)
            : new SqliteDialect(SqliteConnectionString(options.ConnectionString!), options.SqliteDurability);
    }

    /// <summary>Gets the options the monitor runs with.</summary>
    public SlaMonitorOptions Options { get; }

    /// <summary>Gets this process's name in leases and in <c>recorded_by</c>.</summary>
    public string InstanceName => _instance;

    /// <summary>Gets the names of the sinks transitions are delivered to.</summary>
    public ImmutableArray<string> SinkNames => _sinkNames;

    /// <summary>
    /// Creates or migrates the schema to the current version. Every other method does it on first use; call it at
    /// start-up to fail early. Safe when several processes migrate at once.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                await _db.MigrateAsync(cancellationToken).ConfigureAwait(false);
                _migrated = true;
            }
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>Reads a lead, evaluates it now (without storing anything), and lists the transitions ahead of it.</summary>
    /// <param name="leadId">The lead's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The lead, or null when the monitor does not hold it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="leadId"/> is null.</exception>
    public async Task<MonitoredLead?> GetLeadAsync(string leadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leadId);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();
        LeadRow? row;
        await using (var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            row = await ReadLeadAsync(connection, null, leadId, forUpdate: false, cancellationToken).ConfigureAwait(false);
        }

        return row is null ? null : ToMonitoredLead(row, now, EvaluationOptions.WithTrace);
    }

    /// <summary>Reads the feed of recorded transitions after a cursor, in recording order.</summary>
    /// <param name="after">The cursor: the last sequence number already read (0 for the start).</param>
    /// <param name="limit">The most items to return, 1 to 10,000.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is out of range, or <paramref name="after"/> is negative.</exception>
    public async Task<TransitionPage> ReadTransitionsAsync(long after, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Db.Command(
            connection,
            null,
            $"SELECT {TransitionColumns} FROM sla_transitions WHERE seq > @after ORDER BY seq LIMIT @limit",
            ("@after", after),
            ("@limit", (long)limit));
        var items = await ReadTransitionsAsync(command, cancellationToken).ConfigureAwait(false);
        return new TransitionPage(items, items.IsEmpty ? after : items[^1].Seq);
    }

    /// <summary>Lists the leads that cannot be evaluated (their policy is no longer loaded, or the lead became invalid for it).</summary>
    /// <param name="limit">The most leads to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The leads with their problem, by id.</returns>
    public async Task<ImmutableArray<MonitoredLead>> ListUnevaluableLeadsAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Db.Command(
            connection, null, $"SELECT {LeadRow.Columns} FROM sla_leads WHERE problem_code IS NOT NULL ORDER BY id LIMIT @limit", ("@limit", (long)limit));
        var result = ImmutableArray.CreateBuilder<MonitoredLead>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = LeadRow.Read(reader);
            result.Add(new MonitoredLead(SnapshotJson.Read(row.SnapshotJson, out _) ?? new LeadSnapshot(row.Id), row.PolicyId, row.SlaStart, row.NextChangeAt, row.EvaluatedAt, null, [], row.ProblemCode, row.Problem));
        }

        return result.ToImmutable();
    }

    /// <summary>Reads the monitor's counts: open and due leads, scheduler lag, pending and dead deliveries.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The status.</returns>
    public async Task<MonitorStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        async Task<long> Scalar(string sql, params (string, object?)[] parameters)
        {
            await using var command = Db.Command(connection, null, sql, parameters);
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }

        var open = await Scalar("SELECT COUNT(*) FROM sla_leads WHERE next_change_at IS NOT NULL").ConfigureAwait(false);
        var due = await Scalar("SELECT COUNT(*) FROM sla_leads WHERE next_change_at <= @now", ("@now", Db.Ms(now))).ConfigureAwait(false);
        var oldest = await Scalar("SELECT MIN(next_change_at) FROM sla_leads WHERE next_change_at <= @now", ("@now", Db.Ms(now))).ConfigureAwait(false);
        var pending = await Scalar("SELECT COUNT(*) FROM sla_deliveries WHERE delivered_at IS NULL AND dead = 0").ConfigureAwait(false);
        var dead = await Scalar("SELECT COUNT(*) FROM sla_dead_letters").ConfigureAwait(false);
        var problems = await Scalar("SELECT COUNT(*) FROM sla_leads WHERE problem_code IS NOT NULL").ConfigureAwait(false);
        var schema = await Scalar("SELECT MAX(version) FROM sla_schema").ConfigureAwait(false);
        var lag = due > 0 ? now - Instant.FromUnixTimeMilliseconds(oldest) : Duration.Zero;
        var status = new MonitorStatus(open, due, lag < Duration.Zero ? Duration.Zero : lag, pending, dead, problems, schema);
        _metrics.Observe(status);
        return status;
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync().ConfigureAwait(false);
        _migrationGate.Dispose();
    }

    private const string TransitionColumns = "seq, lead_id, policy_id, policy_version, key, at, subject, field, from_json, to_json, recorded_at";

    private static string SqliteConnectionString(string value) =>
        value.Contains('=', StringComparison.Ordinal) ? value : "Data Source=" + value;

    private static async Task<ImmutableArray<RecordedTransition>> ReadTransitionsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var items = ImmutableArray.CreateBuilder<RecordedTransition>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(ReadTransition(reader, 0));
        }

        return items.ToImmutable();
    }

    private static RecordedTransition ReadTransition(DbDataReader reader, int first) => new(
        reader.GetInt64(first),
        reader.GetString(first + 1),
        reader.GetString(first + 2),
        (int)reader.GetInt64(first + 3),
        reader.GetString(first + 4),
        Db.Instant(reader, first + 5),
        reader.GetString(first + 6),
        reader.GetString(first + 7),
        reader.GetString(first + 8),
        reader.GetString(first + 9),
        Db.Instant(reader, first + 10));

    private Instant Now() => Instant.FromUnixTimeMilliseconds(_clock.GetCurrentInstant().ToUnixTimeMilliseconds());

    private async Task<LeadRow?> ReadLeadAsync(DbConnection connection, DbTransaction? transaction, string leadId, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var command = Db.Command(
            connection, transaction, $"SELECT {LeadRow.Columns} FROM sla_leads WHERE id = @id{(forUpdate ? _db.LockForUpdate : "")}", ("@id", leadId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? LeadRow.Read(reader) : null;
    }

    private static LeadSnapshot ParseStored(LeadRow row)
    {
        return SnapshotJson.Read(row.SnapshotJson, out var error) ?? throw new InvalidOperationException(
            $"The stored snapshot of lead '{row.Id}' cannot be read ({error}); the database was changed by hand.");
    }

    /// <summary>
    /// Evaluates a lead at <paramref name="now"/> and computes its transitions in <c>(from, now]</c> (due) and after now
    /// (ahead, the first of which is the next wake-up).
    /// </summary>
    private LeadOutcome Evaluate(string policyId, LeadSnapshot snapshot, Instant? storedSlaStart, Instant from, Instant now, EvaluationOptions options)
    {
        if (!_policies.Current.TryGetActive(policyId, out var policy))
        {
            return new LeadOutcome
            {
                Snapshot = snapshot,
                PolicyId = policyId,
                SlaStart = snapshot.MqlAt ?? storedSlaStart,
                NextChangeAt = now + Options.UnevaluableRetry,
                ProblemCode = MonitorErrorCodes.PolicyNotLoaded,
                Problem = $"policy '{policyId}' is not loaded; the lead is kept and looked at again every {Options.UnevaluableRetry.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes",
            };
        }

        var slaStart = snapshot.MqlAt ?? storedSlaStart;
        var effective = MonitoredLead.WithSlaStart(snapshot, slaStart);
        try
        {
            var evaluation = policy.Evaluate(effective, now, options);
            if (slaStart is null && evaluation.SlaStart is not null)
            {
                // The write (or wake-up) that first qualifies a lead without mql_at fixes its SLA start.
                slaStart = now;
                effective = snapshot with { MqlAt = now };
            }

            var start = slaStart is { } s && from < s ? s : from;
            if (start > now)
            {
                start = now;
            }

            var timeline = TimelineSource.Compute(policy, effective, start, now + Horizon);
            var due = ImmutableArray.CreateBuilder<TimelineItem>();
            var ahead = ImmutableArray.CreateBuilder<TimelineItem>();
            foreach (var item in timeline.Transitions)
            {
                (item.At <= now ? due : ahead).Add(item);
            }

            Instant? next = ahead.Count > 0 ? ahead[0].At : IsClosed(evaluation.Status) ? null : now + Horizon;
            return new LeadOutcome
            {
                Snapshot = snapshot,
                PolicyId = policyId,
                Policy = policy,
                SlaStart = slaStart,
                Evaluation = evaluation,
                Due = due.ToImmutable(),
                Ahead = ahead.ToImmutable(),
                NextChangeAt = next,
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            return Problem(MonitorErrorCodes.OutOfRange, e);
        }
        catch (ArgumentException e)
        {
            return Problem(MonitorErrorCodes.InvalidLead, e);
        }

        LeadOutcome Problem(string code, ArgumentException e) => new()
        {
            Snapshot = snapshot,
            PolicyId = policyId,
            Policy = policy,
            SlaStart = slaStart,
            NextChangeAt = now + Options.UnevaluableRetry,
            ProblemCode = code,
            Problem = e is InvalidLeadException known
                ? known.Error.Message
                : code == MonitorErrorCodes.OutOfRange
                    ? "a deadline of the lead falls outside the years business time supports (1700-2499)"
                    : "the lead cannot be evaluated under its policy",
        };
    }

    private static bool IsClosed(LeadStatus status) =>
        status is LeadStatus.Excluded or LeadStatus.Converted or LeadStatus.Deferred or LeadStatus.Recycled;

    /// <summary>Records the due transitions of one lead (keys already recorded are skipped) and queues their deliveries.</summary>
    private async Task<ImmutableArray<RecordedTransition>> RecordAsync(
        DbConnection connection, DbTransaction transaction, TransitionInserter inserter, LeadOutcome outcome, Instant now, CancellationToken cancellationToken)
    {
        if (outcome.Due.IsEmpty || outcome.Policy is not { } policy)
        {
            return [];
        }

        await inserter.EnsureFeedLockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var recorded = ImmutableArray.CreateBuilder<RecordedTransition>();
        foreach (var item in outcome.Due)
        {
            if (await inserter.InsertAsync(outcome.Snapshot.Id, policy, item, now, cancellationToken).ConfigureAwait(false) is { } transition)
            {
                recorded.Add(transition);
                _metrics.Recorded(transition);
            }
        }

        return recorded.ToImmutable();
    }
}
