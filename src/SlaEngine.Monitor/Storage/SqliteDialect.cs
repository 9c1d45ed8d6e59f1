using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SlaEngine.Monitor.Storage;

/// <summary>
/// SQLite: one file, write-ahead log, <c>synchronous=FULL</c> by default (an acknowledged write survives a crash of the
/// process and of the machine; <see cref="SqliteDurability.Normal"/> trades the machine for speed), <c>BEGIN IMMEDIATE</c> for every write so that writers queue on the file lock instead of
/// failing to upgrade, and a busy timeout so that they wait rather than fail.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    internal SqliteDialect(string connectionString, SqliteDurability durability)
    {
        _pragmas = durability == SqliteDurability.Normal ? "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;" : "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        _connectionString = builder.ToString();
    }

    internal override MonitorDatabaseProvider Provider => MonitorDatabaseProvider.Sqlite;

    internal override string DbNowMilliseconds => "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

    internal override string LockSkipLocked => "";

    internal override string LockForUpdate => "";

    internal override IReadOnlyList<string[]> Migrations { get; } =
    [
        CommonTables("INTEGER PRIMARY KEY AUTOINCREMENT"),
        ListByPolicy,
    ];

    internal override string InList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    internal override string InNumberList(string column, string parameter) => InList(column, parameter);

    internal override object ListValue(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    internal override object NumberListValue(IReadOnlyList<long> values) => JsonSerializer.Serialize(values);

    internal override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    internal override Task LockFeedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    internal override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // BEGIN IMMEDIATE takes the file's write lock: a second process migrating at the same time waits, then finds
        // the versions applied.
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TABLE IF NOT EXISTS sla_schema (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long current;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM sla_schema";
            current = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        for (var version = current + 1; version <= Migrations.Count; version++)
        {
            foreach (var statement in Migrations[(int)version - 1])
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statement;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var mark = connection.CreateCommand();
            mark.Transaction = transaction;
            mark.CommandText = $"INSERT INTO sla_schema (version, applied_at) VALUES (@version, {DbNowMilliseconds})";
            mark.Parameters.Add(NewParameter(mark, "@version", version));
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal override ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19 };
}
