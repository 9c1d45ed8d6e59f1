using System.Data.Common;
using Npgsql;

namespace SlaEngine.Monitor.Storage;

/// <summary>
/// PostgreSQL: several processes share the leads through <c>FOR UPDATE SKIP LOCKED</c> leases; migrations run under a
/// session-level advisory lock so that processes starting together apply each version once.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    /// <summary>Advisory lock key of the migrations ("SLAMIGR" in ASCII).</summary>
    private const long MigrationLock = 0x534C414D494752;

    /// <summary>Advisory lock key of the feed ("SLAFEED").</summary>
    private const long FeedLock = 0x534C4146454544;

    private readonly NpgsqlDataSource _dataSource;

    internal PostgresDialect(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    internal override MonitorDatabaseProvider Provider => MonitorDatabaseProvider.PostgreSql;

    internal override string DbNowMilliseconds => "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT";

    internal override string LockSkipLocked => " FOR UPDATE SKIP LOCKED";

    internal override string LockForUpdate => " FOR UPDATE";

    internal override IReadOnlyList<string[]> Migrations { get; } =
    [
        CommonTables("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
        ListByPolicy,
    ];

    internal override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    internal override string InNumberList(string column, string parameter) => $"{column} = ANY({parameter})";

    internal override object ListValue(IReadOnlyList<string> values) => values.ToArray();

    internal override object NumberListValue(IReadOnlyList<long> values) => values.ToArray();

    internal override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    internal override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    internal override async Task LockFeedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({FeedLock})";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = connection.CreateCommand())
        {
            lockCommand.CommandText = $"SELECT pg_advisory_lock({MigrationLock})";
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await ApplyMigrationsAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await using var unlock = connection.CreateCommand();
            unlock.CommandText = $"SELECT pg_advisory_unlock({MigrationLock})";
            await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    internal override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    internal override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
