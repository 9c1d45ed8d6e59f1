using System.Runtime.CompilerServices;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Storage;

namespace SlaEngine.Monitor;

/// <summary>The read API over many leads: a policy's stored leads, streamed in pages.</summary>
public sealed partial class SlaMonitor
{
    /// <summary>How many leads one page of <see cref="ListLeadsAsync"/> reads.</summary>
    internal const int ListPageSize = 256;

    /// <summary>
    /// Lists every lead stored under a policy, in order of id, each evaluated (without the trace) at one instant: the
    /// monitor's time when the listing starts, so that the leads of one listing are judged together, as a report needs.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Streams: the leads are read in pages of a few hundred by id (each page a short query of its own, on an index of
    /// the policy and the id; no connection or transaction is held while the caller works), so memory stays bounded for
    /// any number of leads, and a lead written meanwhile is listed when its id comes after the page being read.
    /// </para>
    /// <para>
    /// Every stored lead of the policy is listed: one that cannot be evaluated (its policy is not loaded, or it became
    /// invalid) comes with <see cref="MonitoredLead.Evaluation"/> null and <see cref="MonitoredLead.ProblemCode"/> set.
    /// An unknown policy, or one without leads, lists nothing. Each item's <see cref="MonitoredLead.Evaluation"/> has
    /// <see cref="LeadEvaluation.At"/> equal to the listing's instant.
    /// </para>
    /// </remarks>
    /// <param name="policyId">The policy id.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The leads, by id (ordinal order on SQLite, the database's collation on PostgreSQL).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    public IAsyncEnumerable<MonitoredLead> ListLeadsAsync(string policyId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policyId);
        return ListLeadsCoreAsync(policyId, cancellationToken);
    }

    private async IAsyncEnumerable<MonitoredLead> ListLeadsCoreAsync(string policyId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();
        string? after = null;
        var page = new List<LeadRow>(ListPageSize);
        do
        {
            page.Clear();
            await using (var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                await using var command = after is null
                    ? Db.Command(
                        connection, null, $"SELECT {LeadRow.Columns} FROM sla_leads WHERE policy_id = @policy ORDER BY id LIMIT @limit", ("@policy", policyId), ("@limit", (long)ListPageSize))
                    : Db.Command(
                        connection, null, $"SELECT {LeadRow.Columns} FROM sla_leads WHERE policy_id = @policy AND id > @after ORDER BY id LIMIT @limit", ("@policy", policyId), ("@after", after), ("@limit", (long)ListPageSize));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    page.Add(LeadRow.Read(reader));
                }
            }

            foreach (var row in page)
            {
                yield return ToMonitoredLead(row, now, EvaluationOptions.WithoutTrace);
            }

            after = page.Count > 0 ? page[^1].Id : null;
        }
        while (page.Count == ListPageSize);
    }

    /// <summary>A stored lead evaluated at <paramref name="now"/> (nothing stored), with the transitions ahead of it.</summary>
    private MonitoredLead ToMonitoredLead(LeadRow row, Instant now, EvaluationOptions options)
    {
        if (SnapshotJson.Read(row.SnapshotJson, out var unreadable) is not { } snapshot)
        {
            return new MonitoredLead(
                new LeadSnapshot(row.Id), row.PolicyId, row.SlaStart, row.NextChangeAt, row.EvaluatedAt, null, [], MonitorErrorCodes.EvaluationFailed, $"the stored snapshot cannot be read: {unreadable}");
        }

        var outcome = Evaluate(row.PolicyId, snapshot, row.SlaStart, now, now, options);
        return new MonitoredLead(
            snapshot, row.PolicyId, outcome.SlaStart, row.NextChangeAt, row.EvaluatedAt, outcome.Evaluation, outcome.Ahead, outcome.ProblemCode, outcome.Problem);
    }
}
