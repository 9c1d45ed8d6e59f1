using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Authoring;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Reporting;
using SlaEngine.Tests.Cli;

namespace SlaEngine.Tests.Reporting;

/// <summary>
/// One definition of leakage (<see cref="LeadLeakage"/>): status <c>mql</c> or <c>recycle_due</c> at <c>at</c> and the
/// work deadline — the effort due, or the due of the last cadence step with a known due — before <c>at</c>. The report
/// and the compare totals use it and agree, through the library and through the tool.
/// </summary>
public sealed class LeakageTests
{
    private const string AtText = "2026-11-20T12:00:00Z"; // Friday noon

    private static readonly Instant At = InstantPattern.ExtendedIso.Parse(AtText).Value;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "leakage");

    private static readonly string PolicyPath = Path.Combine(Folder, "leaky.yaml");

    private static readonly string LeadsPath = Path.Combine(Folder, "leads.jsonl");

    /// <summary>Every case of the batch, with whether it leaked and why.</summary>
    public static TheoryData<string, bool> Cases => new()
    {
        { "effort-met-never-dispositioned", true }, // all touches made on time, no disposition: the loop is open
        { "effort-breached", true },
        { "cadence-stuck-on-breached-middle-step", true }, // step 2 breached, step 3 has no due yet: step 2's due counts
        { "recycle-due", true }, // cadence exhausted, status recycle_due, last step's due passed
        { "dispositioned", false }, // converted: a disposition closed the loop
        { "effort-deadline-not-yet-passed", false }, // no touch yet, but the effort window ends next week
        { "cadence-first-step-not-yet-due", false },
        { "not-qualified", false }, // nurture
    };

    private static readonly int ExpectedLeakage = Cases.Count(c => (bool)c[1]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsLeaked_EachCase(string id, bool leaked)
    {
        var evaluation = Evaluations().Single(e => e.Id == id);
        Assert.Equal(leaked, LeadLeakage.IsLeaked(evaluation));

        // One lead alone: the report and the compare totals agree with the definition.
        Assert.Equal(leaked ? 1 : 0, ReportLeakage([evaluation]));
        Assert.Equal(leaked ? 1 : 0, CompareLeakage([Leads().Single(l => l.Id == id)]).Base);
    }

    [Fact]
    public void Batch_CoversEveryCaseItClaims()
    {
        // Guard the fixture: the cases are what their names say, so the expectations above test the definition.
        var byId = Evaluations().ToDictionary(e => e.Id);

        var effortMet = byId["effort-met-never-dispositioned"];
        Assert.Equal(LeadStatus.Mql, effortMet.Status);
        Assert.Equal(MilestoneStatus.Met, effortMet.Milestone("effort")!.Status);

        var stuck = byId["cadence-stuck-on-breached-middle-step"];
        Assert.Equal(LeadStatus.Mql, stuck.Status);
        Assert.Equal(
            [(MilestoneKind.CadenceStep, 1, MilestoneStatus.Met), (MilestoneKind.CadenceStep, 2, MilestoneStatus.Breached), (MilestoneKind.CadenceStep, 3, MilestoneStatus.Pending)],
            stuck.Milestones.Select(m => (m.Kind, m.Step!.Value, m.Status)));
        Assert.Null(stuck.Milestones[2].Due);
        Assert.Equal(stuck.Milestones[1].Due, LeadLeakage.WorkDeadline(stuck));

        var recycle = byId["recycle-due"];
        Assert.Equal(LeadStatus.RecycleDue, recycle.Status);
        Assert.All(recycle.Milestones, m => Assert.Equal(MilestoneStatus.Met, m.Status));

        Assert.Equal(LeadStatus.Converted, byId["dispositioned"].Status);
        Assert.True(LeadLeakage.WorkDeadline(byId["dispositioned"]) < At); // would leak but for the disposition

        var notYet = byId["effort-deadline-not-yet-passed"];
        Assert.Equal(LeadStatus.Mql, notYet.Status);
        Assert.True(LeadLeakage.WorkDeadline(notYet) > At);
        Assert.Equal(LeadStatus.Nurture, byId["not-qualified"].Status);
    }

    [Fact]
    public void Library_ReportAndCompare_AgreeOnTheBatch()
    {
        var report = ReportLeakage(Evaluations());
        var (baseLeakage, candidateLeakage) = CompareLeakage(Leads());

        Assert.Equal(ExpectedLeakage, report);
        Assert.Equal(ExpectedLeakage, baseLeakage);
        Assert.Equal(ExpectedLeakage, candidateLeakage);
    }

    [Fact]
    public void Tool_ReportAndCompare_AgreeOnTheBatch()
    {
        var (reportCode, reportOut, reportErr) = CliRunner.Run("report", "--policy", PolicyPath, "--at", AtText, "--leads", LeadsPath);
        Assert.True(reportCode == 0, reportErr);
        var report = JsonDocument.Parse(CliRunner.Lines(reportOut).Single()).RootElement;
        Assert.Equal(ExpectedLeakage, report.GetProperty("overall").GetProperty("leakage").GetProperty("count").GetInt32());

        var (compareCode, compareOut, compareErr) = CliRunner.Run("compare", "--base", PolicyPath, "--candidate", PolicyPath, "--at", AtText, "--leads", LeadsPath);
        Assert.True(compareCode == 0, compareErr);
        var totals = JsonDocument.Parse(CliRunner.Lines(compareOut).Last()).RootElement.GetProperty("totals");
        Assert.Equal(ExpectedLeakage, totals.GetProperty("base").GetProperty("leakage").GetInt32());
        Assert.Equal(ExpectedLeakage, totals.GetProperty("candidate").GetProperty("leakage").GetInt32());
    }

    private static SlaPolicy Policy() => PolicyLoader.LoadFile(PolicyPath);

    private static List<LeadSnapshot> Leads() =>
        File.ReadLines(LeadsPath).Select(line => LeadSnapshot.Parse(line).Value).ToList();

    private static List<LeadEvaluation> Evaluations()
    {
        var policy = Policy();
        return Leads().Select(l => policy.Evaluate(l, At)).ToList();
    }

    private static int ReportLeakage(IEnumerable<LeadEvaluation> evaluations)
    {
        var builder = new ComplianceReportBuilder(Policy(), At, ReportGrouping.Tier);
        foreach (var evaluation in evaluations)
        {
            builder.Add(evaluation);
        }

        var report = builder.Build();
        Assert.Equal(report.Overall.Leakage, report.Groups.Sum(g => g.Leakage));
        return report.Overall.Leakage;
    }

    private static (int Base, int Candidate) CompareLeakage(IEnumerable<LeadSnapshot> leads)
    {
        var policy = Policy();
        var comparison = new PolicyComparison(policy, policy, At);
        foreach (var lead in leads)
        {
            Assert.False(comparison.Add(lead).Differs);
        }

        return (comparison.Totals.Base.Leakage, comparison.Totals.Candidate.Leakage);
    }
}
