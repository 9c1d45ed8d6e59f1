namespace SlaEngine.Monitor;

/// <summary>The database a monitor keeps its leads, transitions and deliveries in.</summary>
public enum MonitorDatabaseProvider
{
    /// <summary>
    /// SQLite through Microsoft.Data.Sqlite: a single file, nothing to install, one process at a time. The default.
    /// </summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: several processes on several machines share the work.</summary>
    PostgreSql,
}
