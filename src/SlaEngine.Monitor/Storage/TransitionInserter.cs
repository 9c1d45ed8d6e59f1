using System.Data.Common;
using NodaTime;
using SlaEngine.Monitor.Timeline;
using SlaEngine.Policies;

namespace SlaEngine.Monitor.Storage;

/// <summary>
/// Inserts transitions into the outbox within one transaction, <c>ON CONFLICT (key) DO NOTHING</c>, and queues a
/// delivery per sink for each one that is new. Commands are prepared once per transaction.
/// </summary>
internal sealed class TransitionInserter : IAsyncDisposable
{
    private readonly SqlDialect _db;
    private readonly IReadOnlyList<string> _sinks;
    private readonly DbCommand _insert;
    private readonly DbCommand _deliver;
    private bool _feedLocked;

    internal TransitionInserter(SqlDialect db, DbConnection connection, DbTransaction transaction, IReadOnlyList<string> sinks, string instance)
    {
        _db = db;
        _sinks = sinks;
        _insert = Db.Command(
            connection,
            transaction,
            """
            INSERT INTO sla_transitions (key, lead_id, policy_id, policy_version, at, subject, field, from_json, to_json, recorded_at, recorded_by)
            VALUES (@key, @lead, @policy, @version, @at, @subject, @field, @from, @to, @recorded, @by)
            ON CONFLICT (key) DO NOTHING
            RETURNING seq
            """,
            ("@key", ""), ("@lead", ""), ("@policy", ""), ("@version", 0L), ("@at", 0L), ("@subject", ""), ("@field", ""), ("@from", ""), ("@to", ""), ("@recorded", 0L), ("@by", instance));
        _deliver = Db.Command(
            connection,
            transaction,
            "INSERT INTO sla_deliveries (seq, sink, attempts, next_attempt_at, dead) VALUES (@seq, @sink, 0, @now, 0)",
            ("@seq", 0L), ("@sink", ""), ("@now", 0L));
    }

    internal async Task EnsureFeedLockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (!_feedLocked)
        {
            await _db.LockFeedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            _feedLocked = true;
        }
    }

    internal async Task<RecordedTransition?> InsertAsync(string leadId, SlaPolicy policy, TimelineItem item, Instant now, CancellationToken cancellationToken)
    {
        var p = _insert.Parameters;
        p["@key"].Value = item.Key;
        p["@lead"].Value = leadId;
        p["@policy"].Value = policy.Id;
        p["@version"].Value = (long)policy.Version;
        p["@at"].Value = Db.Ms(item.At);
        p["@subject"].Value = item.Subject;
        p["@field"].Value = item.Field;
        p["@from"].Value = item.FromJson;
        p["@to"].Value = item.ToJson;
        p["@recorded"].Value = Db.Ms(now);
        var seq = await _insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (seq is null or DBNull)
        {
            return null;
        }

        var transition = new RecordedTransition(
            Convert.ToInt64(seq, System.Globalization.CultureInfo.InvariantCulture),
            leadId,
            policy.Id,
            policy.Version,
            item.Key,
            item.At,
            item.Subject,
            item.Field,
            item.FromJson,
            item.ToJson,
            now);
        foreach (var sink in _sinks)
        {
            _deliver.Parameters["@seq"].Value = transition.Seq;
            _deliver.Parameters["@sink"].Value = sink;
            _deliver.Parameters["@now"].Value = Db.Ms(now);
            await _deliver.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return transition;
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync().ConfigureAwait(false);
        await _deliver.DisposeAsync().ConfigureAwait(false);
    }
}
