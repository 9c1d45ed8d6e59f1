using System.Data.Common;
using NodaTime;

namespace SlaEngine.Monitor.Storage;

/// <summary>Instants as stored: Unix milliseconds in BIGINT columns.</summary>
internal static class Db
{
    internal static long Ms(Instant instant) => instant.ToUnixTimeMilliseconds();

    internal static long? Ms(Instant? instant) => instant?.ToUnixTimeMilliseconds();

    internal static Instant Instant(DbDataReader reader, int ordinal) => NodaTime.Instant.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    internal static Instant? NullableInstant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : NodaTime.Instant.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(SqlDialect.NewParameter(command, name, value));
        }

        return command;
    }
}
