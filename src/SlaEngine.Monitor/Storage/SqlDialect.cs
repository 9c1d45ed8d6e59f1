using System.Data.Common;

namespace SlaEngine.Monitor.Storage;

/// <summary>
/// What differs between the databases: connections, the write transaction, migrations and the few statements whose
/// SQL is provider-specific (row locking, the database's own clock, id lists). Everything else is shared SQL.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>Gets the provider.</summary>
    internal abstract MonitorDatabaseProvider Provider { get; }

    /// <summary>Gets an SQL expression for the database server's wall clock in Unix milliseconds (leases use it).</summary>
    internal abstract string DbNowMilliseconds { get; }

    /// <summary>Gets the suffix that locks the selected rows and skips rows other transactions hold.</summary>
    internal abstract string LockSkipLocked { get; }

    /// <summary>Gets the suffix that locks the selected rows (waiting for other holders).</summary>
    internal abstract string LockForUpdate { get; }

    /// <summary>Gets an SQL condition that <paramref name="column"/> is one of the text values of the list parameter <paramref name="parameter"/>.</summary>
    internal abstract string InList(string column, string parameter);

    /// <summary>Gets the value to bind for a list parameter made by <see cref="InList"/>.</summary>
    internal abstract object ListValue(IReadOnlyList<string> values);

    /// <summary>Gets the value to bind for a list of numbers made by <see cref="InNumberList"/>.</summary>
    internal abstract object NumberListValue(IReadOnlyList<long> values);

    /// <summary>Gets an SQL condition that <paramref name="column"/> is one of the numbers of the list parameter <paramref name="parameter"/>.</summary>
    internal abstract string InNumberList(string column, string parameter);

    /// <summary>Opens a connection, configured for the monitor.</summary>
    internal abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that will write (SQLite: <c>BEGIN IMMEDIATE</c>, so it never fails to upgrade a read lock).</summary>
    internal abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Serializes the recording of transitions across processes until the transaction ends, so that feed sequence
    /// numbers become visible in increasing order (PostgreSQL: a transaction-level advisory lock; SQLite: the write lock
    /// already does it).
    /// </summary>
    internal abstract Task LockFeedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Creates or migrates the schema; safe when several processes do it at once.</summary>
    internal abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Gets the migrations, in order: version 1, 2, …; each a list of statements.</summary>
    internal abstract IReadOnlyList<string[]> Migrations { get; }

    /// <summary>Releases the connection pool.</summary>
    internal virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Gets whether an exception is a unique-key violation.</summary>
    internal abstract bool IsUniqueViolation(Exception exception);

    /// <summary>Applies the pending migrations on an open connection that holds the migration lock.</summary>
    protected async Task ApplyMigrationsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS sla_schema (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long current;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM sla_schema";
            current = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        for (var version = current + 1; version <= Migrations.Count; version++)
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            foreach (var statement in Migrations[(int)version - 1])
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statement;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var mark = connection.CreateCommand())
            {
                mark.Transaction = transaction;
                mark.CommandText = $"INSERT INTO sla_schema (version, applied_at) VALUES (@version, {DbNowMilliseconds})";
                mark.Parameters.Add(NewParameter(mark, "@version", version));
                await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates a parameter (null becomes <see cref="DBNull"/>).</summary>
    internal static DbParameter NewParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    /// <summary>Version 2: an index for listing a policy's leads by id in keyset pages.</summary>
    protected static readonly string[] ListByPolicy = ["CREATE INDEX sla_leads_policy ON sla_leads (policy_id, id)"];

    /// <summary>The tables shared by both providers, after the provider's transitions table.</summary>
    protected static string[] CommonTables(string identity) =>
    [
        """
        CREATE TABLE sla_leads (
            id TEXT PRIMARY KEY,
            policy_id TEXT NOT NULL,
            policy_version BIGINT NULL,
            snapshot TEXT NOT NULL,
            sla_start BIGINT NULL,
            next_change_at BIGINT NULL,
            evaluated_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            status TEXT NULL,
            problem_code TEXT NULL,
            problem TEXT NULL,
            revision BIGINT NOT NULL,
            lease_owner TEXT NULL,
            lease_until BIGINT NULL
        )
        """,
        "CREATE INDEX sla_leads_next_change_at ON sla_leads (next_change_at) WHERE next_change_at IS NOT NULL",
        "CREATE INDEX sla_leads_problem ON sla_leads (problem_code) WHERE problem_code IS NOT NULL",
        $"""
        CREATE TABLE sla_transitions (
            seq {identity},
            key TEXT NOT NULL UNIQUE,
            lead_id TEXT NOT NULL,
            policy_id TEXT NOT NULL,
            policy_version BIGINT NOT NULL,
            at BIGINT NOT NULL,
            subject TEXT NOT NULL,
            field TEXT NOT NULL,
            from_json TEXT NOT NULL,
            to_json TEXT NOT NULL,
            recorded_at BIGINT NOT NULL,
            recorded_by TEXT NOT NULL
        )
        """,
        "CREATE INDEX sla_transitions_lead ON sla_transitions (lead_id, seq)",
        """
        CREATE TABLE sla_deliveries (
            seq BIGINT NOT NULL,
            sink TEXT NOT NULL,
            attempts BIGINT NOT NULL,
            next_attempt_at BIGINT NOT NULL,
            delivered_at BIGINT NULL,
            dead BIGINT NOT NULL,
            last_error TEXT NULL,
            lease_owner TEXT NULL,
            lease_until BIGINT NULL,
            PRIMARY KEY (seq, sink)
        )
        """,
        "CREATE INDEX sla_deliveries_due ON sla_deliveries (next_attempt_at) WHERE delivered_at IS NULL AND dead = 0",
        $"""
        CREATE TABLE sla_delivery_attempts (
            id {identity},
            seq BIGINT NOT NULL,
            sink TEXT NOT NULL,
            attempt BIGINT NOT NULL,
            at BIGINT NOT NULL,
            succeeded BIGINT NOT NULL,
            error TEXT NULL,
            duration_ms BIGINT NOT NULL,
            instance TEXT NOT NULL
        )
        """,
        "CREATE INDEX sla_delivery_attempts_seq ON sla_delivery_attempts (seq, sink)",
        """
        CREATE TABLE sla_dead_letters (
            seq BIGINT NOT NULL,
            sink TEXT NOT NULL,
            attempts BIGINT NOT NULL,
            last_error TEXT NOT NULL,
            died_at BIGINT NOT NULL,
            PRIMARY KEY (seq, sink)
        )
        """,
    ];
}
