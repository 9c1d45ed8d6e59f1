using System.Data.Common;
using NodaTime;

namespace SlaEngine.Monitor.Storage;

/// <summary>A row of <c>sla_leads</c>.</summary>
internal sealed record LeadRow(
    string Id,
    string PolicyId,
    string SnapshotJson,
    Instant? SlaStart,
    Instant? NextChangeAt,
    Instant EvaluatedAt,
    string? ProblemCode,
    string? Problem,
    long Revision)
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    internal const string Columns = "id, policy_id, snapshot, sla_start, next_change_at, evaluated_at, problem_code, problem, revision";

    internal static LeadRow Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        Db.NullableInstant(reader, 3),
        Db.NullableInstant(reader, 4),
        Db.Instant(reader, 5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetInt64(8));
}
