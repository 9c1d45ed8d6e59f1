using NodaTime;
using SlaEngine.DependencyInjection;
using SlaEngine.Diagnostics;
using SlaEngine.Monitor;
using SlaEngine.Pictures;
using SlaEngine.Reporting;

namespace SlaEngine.Samples.WebHost;

/// <summary>
/// Pictures of the monitor's stored leads (SlaEngine.Pictures), behind the same API key as the other endpoints:
/// <c>GET /leads/{id}/timeline.svg</c> → the lead's SLA on one time axis, evaluated now, in its calendar's zone;
/// <c>GET /report.html?policy=P</c> → the compliance report over every stored lead of policy P, evaluated now, by tier
/// and by team. An unknown lead or policy is a 404 with a JSON error.
/// </summary>
internal static class PictureEndpoints
{
    /// <summary>Nothing in a picture may load anything: no script, no font, no image but inline data.</summary>
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static void MapPictures(this WebApplication app)
    {
        app.MapGet("/leads/{id}/timeline.svg", async (string id, HttpResponse response, SlaMonitor monitor, IPolicyStore store, CancellationToken cancel) =>
        {
            var lead = await monitor.GetLeadAsync(id, cancel);
            if (lead is null)
            {
                return ApiErrors.NotFound($"no lead '{id}' is monitored");
            }

            // The monitor's evaluation now (with the SLA start it fixed for a lead without mql_at) is what is drawn.
            if (lead.Evaluation is not { } evaluation || !store.Current.TryGet(lead.PolicyId, evaluation.PolicyVersion, out var policy))
            {
                return lead.ProblemCode is { } code && lead.Problem is { } problem
                    ? ApiErrors.LeadProblem(code, problem, id)
                    : ApiErrors.LeadProblem(MonitorErrorCodes.PolicyNotLoaded, $"policy '{lead.PolicyId}' version {lead.Evaluation?.PolicyVersion} is no longer loaded", id);
            }

            Picture(response);
            return Results.Text(TimelineSvg.Render(policy, lead.EvaluatedSnapshot, evaluation.At), "image/svg+xml; charset=utf-8");
        });

        app.MapGet("/report.html", async (string? policy, HttpResponse response, SlaMonitor monitor, IPolicyStore store, IClock clock, CancellationToken cancel) =>
        {
            if (string.IsNullOrEmpty(policy))
            {
                return ApiErrors.BadRequest(DiagnosticCodes.InvalidArgument, "the 'policy' query parameter is required, for example /report.html?policy=lattice-predictive");
            }

            if (!store.Current.TryGetActive(policy, out var active))
            {
                return ApiErrors.NotFound($"no policy '{policy}'; loaded: {string.Join(", ", store.Current.PolicyIds)}");
            }

            var report = new StoredLeadsReport(active);
            await foreach (var lead in monitor.ListLeadsAsync(policy, cancel))
            {
                report.Add(lead);
            }

            var (byTier, byTeam) = report.Build(clock);
            Picture(response);
            return Results.Text(ComplianceReportPage.Render(byTier, new ComplianceReportPageOptions { Breakdowns = [byTeam] }), "text/html; charset=utf-8");
        });
    }

    private static void Picture(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>
    /// A compliance report over a policy's stored leads as the monitor lists them, streamed (nothing kept per lead), by
    /// tier and by team. The leads of one listing are evaluated at one instant, which becomes the report's; a lead that
    /// cannot be evaluated, or was evaluated under another version of the policy (a reload during the listing), is
    /// counted as invalid.
    /// </summary>
    private sealed class StoredLeadsReport(SlaEngine.Policies.SlaPolicy policy)
    {
        private ComplianceReportBuilder? _byTier;
        private ComplianceReportBuilder? _byTeam;
        private int _invalid;

        public void Add(MonitoredLead lead)
        {
            if (lead.Evaluation is not { } evaluation || evaluation.PolicyVersion != policy.Version)
            {
                _invalid++;
                return;
            }

            _byTier ??= new ComplianceReportBuilder(policy, evaluation.At, ReportGrouping.Tier);
            _byTeam ??= new ComplianceReportBuilder(policy, evaluation.At, ReportGrouping.Team);
            _byTier.Add(evaluation, lead.EvaluatedSnapshot);
            _byTeam.Add(evaluation, lead.EvaluatedSnapshot);
        }

        /// <summary>The reports; when no lead was evaluated, at the clock's instant.</summary>
        public (ComplianceReport ByTier, ComplianceReport ByTeam) Build(IClock clock)
        {
            var at = Instant.FromUnixTimeMilliseconds(clock.GetCurrentInstant().ToUnixTimeMilliseconds());
            _byTier ??= new ComplianceReportBuilder(policy, at, ReportGrouping.Tier);
            _byTeam ??= new ComplianceReportBuilder(policy, at, ReportGrouping.Team);
            for (var i = 0; i < _invalid; i++)
            {
                _byTier.AddInvalid();
                _byTeam.AddInvalid();
            }

            return (_byTier.Build(), _byTeam.Build());
        }
    }
}
