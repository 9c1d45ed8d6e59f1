using System.Text.Json;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using static SlaEngine.Tests.Reporting.ReportTestData;

namespace SlaEngine.Tests.Reporting;

public sealed class ComplianceReportJsonTests
{
    [Fact]
    public void Serialize_Report_HasSnakeCaseKeysInAStableOrder()
    {
        var builder = new ComplianceReportBuilder(Policy, At, ReportGrouping.Team);
        builder.Add(Lead("A", LeadStatus.Mql, "gold", Monday10, FirstTouch(MilestoneStatus.Met, Monday10 + NodaTime.Duration.FromMinutes(30))));
        builder.AddInvalid();

        var json = ComplianceReportJson.Serialize(builder.Build());

        Assert.StartsWith("""{"policy":"report-test","version":2,"at":"2026-11-22T12:00:00Z","by":"team","invalid":1,"overall":{"leads":1,"mqls":1,"by_status":{"excluded":0,"nurture":0,"mql":1,"recycle_due":0,"converted":0,"deferred":0,"recycled":0},"milestones":[{"name":"first_touch","met":1,"met_late":0,"breached":0,"pending":0,"at_risk":0,"not_applicable":0,"decided":1,"attainment":100}],"speed_to_lead":{"samples":1,"median_seconds":1800,"p90_seconds":1800},"breaches":{"leads":0,"milestones":0},"leakage":{"count":0,"percent_of_mqls":0},"mql_per_month":[{"month":"2026-11","mqls":1}],"goals":[{"name":"first_touch_attainment","bound":"min","target":50,"target_text":"50%","unit":"percent","actual":100,"passed":true},""", json, StringComparison.Ordinal);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("smb", root.GetProperty("groups")[0].GetProperty("key").GetString());
        Assert.False(root.GetProperty("overall").TryGetProperty("key", out _));
    }
}
