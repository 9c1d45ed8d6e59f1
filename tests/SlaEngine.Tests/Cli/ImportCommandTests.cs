using SlaEngine.Tests.Architecture;

namespace SlaEngine.Tests.Cli;

/// <summary><c>slaengine import</c>: the CSV templates of samples/import through the tool, exit codes, stderr.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "slaengine-import-cli-" + Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Import_Salesforce_OneLinePerLead_WarningsAndCountOnStderr()
    {
        var (code, stdout, stderr) = CliRunner.Run("import", "--map", Sample("salesforce", "salesforce.map.yaml"), "--leads", Sample("salesforce", "lead-report.csv"), "--touches", Sample("salesforce", "task-report.csv"));

        Assert.Equal(0, code);
        var lines = CliRunner.Lines(stdout);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("{\"id\":\"00Q5g00000LkA1bEAF\",\"mql_at\":\"2026-11-20T15:30:00Z\",", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"touches\":[{\"channel\":\"call\",\"at\":\"2026-11-20T16:10:00Z\",\"outcome\":\"Left Voicemail\"},{\"channel\":\"email\",\"at\":\"2026-11-20T16:25:00Z\"}]", lines[0], StringComparison.Ordinal);
        var errors = CliRunner.Lines(stderr);
        Assert.EndsWith("task-report.csv:8:6: warning SLA1840: lead \"00Q5g00000LkA9zEAF\" is not in the leads file; the row is skipped", errors[0], StringComparison.Ordinal);
        Assert.Equal("slaengine import: 4 lead rows, 0 invalid; 6 touch rows (4 joined), 0 event rows (0 joined), 1 skipped by the map; 2 warnings (SLA1840: 1, SLA1852: 1)", errors[^1]);
    }

    [Fact]
    public void Import_OnAStream_WritesTheSameBytes()
    {
        string[] args = ["import", "--map", Sample("hubspot", "hubspot.map.yaml"), "--leads", Sample("hubspot", "contacts.csv"), "--touches", Sample("hubspot", "engagements.csv")];

        var (code, stdout) = CliRunner.RunOnStream(args);

        Assert.Equal(0, code);
        Assert.Equal(CliRunner.Run(args).Stdout, stdout);
        Assert.Contains("\"country\":\"ES\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_InvalidLeadRow_ErrorLineInPlace_Exit3()
    {
        var map = Write("map.yaml", "zone: America/New_York\ndate_format: M/d/yyyy h:mm tt\nleads:\n  id: Lead ID\n  mql_at: MQL Date\n");
        var leads = Write("leads.csv", "Lead ID,MQL Date\nA,11/20/2026 10:30 AM\nB,11/31/2026 10:30 AM\nC,\n");

        var (code, stdout, stderr) = CliRunner.Run("import", "--map", map, "--leads", leads);

        Assert.Equal(3, code);
        var lines = CliRunner.Lines(stdout);
        Assert.Equal(3, lines.Length);
        Assert.Equal("{\"id\":\"A\",\"mql_at\":\"2026-11-20T15:30:00Z\"}", lines[0]);
        Assert.Equal("{\"id\":\"B\",\"error\":{\"code\":\"SLA1832\",\"message\":\"\\\"11/31/2026 10:30 AM\\\" in column `MQL Date` is not a date-time in the format M/d/yyyy h:mm tt (nor ISO-8601 with an offset)\",\"file\":\"" + leads + "\",\"line\":3,\"column\":2}}", lines[1]);
        Assert.Equal("{\"id\":\"C\"}", lines[2]);
        Assert.EndsWith("1 invalid; 0 touch rows (0 joined), 0 event rows (0 joined), 0 skipped by the map; 0 warnings\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_InvalidLeadRow_FedToEvaluate_StaysThatLeadsError_Exit3()
    {
        var map = Write("map.yaml", "zone: America/New_York\ndate_format: M/d/yyyy h:mm tt\nleads:\n  id: Lead ID\n  mql_at: MQL Date\n");
        var leads = Write("leads.csv", "Lead ID,MQL Date\nA,11/20/2026 10:30 AM\nB,11/31/2026 10:30 AM\nC,\n");
        var jsonl = Write("leads.jsonl", CliRunner.Run("import", "--map", map, "--leads", leads).Stdout);

        var (code, stdout, _) = CliRunner.Run("evaluate", "--policy", CliRunner.RankBands, "--at", "2026-11-23T21:00:00Z", "--leads", jsonl);

        Assert.Equal(3, code);
        var lines = CliRunner.Lines(stdout);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"id\":\"B\",\"error\":{\"code\":\"SLA0714\",\"message\":\"the line is the error line of a lead, not a lead: SLA1832: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"location\":\"" + leads + ":3:2\"", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("\"error\"", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\"error\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingColumn_NothingWritten_Exit3()
    {
        var map = Write("map.yaml", "zone: UTC\nleads:\n  id: Lead ID\n");
        var leads = Write("leads.csv", "Id,Name\nA,x\n");

        var (code, stdout, stderr) = CliRunner.Run("import", "--map", map, "--leads", leads);

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.Contains(leads + ":1:1: error SLA1821: no column `Lead ID` in the header (the columns are `Id`, `Name`)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MapWithErrors_Exit1_EveryErrorLocated()
    {
        var map = Write("map.yaml", "zone: Mars/Base\nleads:\n  idd: Lead ID\n");

        var (code, stdout, stderr) = CliRunner.Run("import", "--map", map, "--leads", Write("leads.csv", "Lead ID\nA\n"));

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Equal([map + ":1:7: error SLA1806", map + ":3:3: error SLA1803", map + ":3:3: error SLA1804"], CliRunner.Lines(stderr).Select(l => l[..(l.IndexOf(" SLA", StringComparison.Ordinal) + 8)]));
    }

    [Fact]
    public void Import_TouchesWithoutATouchesSection_IsAUsageError()
    {
        var map = Write("map.yaml", "zone: UTC\nleads:\n  id: Id\n");

        var (code, _, stderr) = CliRunner.Run("import", "--map", map, "--leads", Write("leads.csv", "Id\nA\n"), "--touches", Write("t.csv", "Id\n"));

        Assert.Equal(2, code);
        Assert.Contains("--touches is given but the map has no `touches` section", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("timeline")]
    public void Map_OnACommand_GivesWhatTheImportedJsonlGives(string command)
    {
        var (_, jsonl, _) = CliRunner.Run("import", "--map", Sample("hubspot", "hubspot.map.yaml"), "--leads", Sample("hubspot", "contacts.csv"), "--touches", Sample("hubspot", "engagements.csv"));
        var leads = Write("leads.jsonl", jsonl);

        var viaJsonl = CliRunner.Run(command, "--policy", CliRunner.RankBands, "--at", "2026-11-23T21:00:00Z", "--leads", leads);
        var viaMap = CliRunner.Run(command, "--policy", CliRunner.RankBands, "--at", "2026-11-23T21:00:00Z", "--map", Sample("hubspot", "hubspot.map.yaml"), "--leads", Sample("hubspot", "contacts.csv"), "--touches", Sample("hubspot", "engagements.csv"));

        Assert.Equal(0, viaJsonl.Code);
        Assert.Equal((viaJsonl.Code, viaJsonl.Stdout), (viaMap.Code, viaMap.Stdout));
        Assert.Contains("engagements.csv:5:5: warning SLA1840", viaMap.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_Evaluate_BadLeadRow_IsItsErrorLineInPlace_Located_OthersEvaluated_Exit3()
    {
        var (map, leads, touches) = ExportWithABadRow();

        var (code, stdout, stderr) = CliRunner.Run("evaluate", "--policy", CliRunner.RankBands, "--at", "2026-11-23T21:00:00Z", "--map", map, "--leads", leads, "--touches", touches);

        Assert.Equal(3, code);
        var lines = CliRunner.Lines(stdout);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("{\"id\":\"A\",\"policy\":\"lattice-predictive\",", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"met_at\":\"2026-11-20T15:40:00Z\"", lines[0], StringComparison.Ordinal);   // A's touch was joined
        Assert.Equal(
            "{\"id\":\"B\",\"error\":{\"code\":\"SLA1832\",\"message\":\"\\\"yesterday\\\" in column `MQL Date` is not a date-time in the format M/d/yyyy h:mm tt (nor ISO-8601 with an offset)\",\"location\":\"" + leads + ":4:2\",\"line\":4}}",
            lines[1]);
        Assert.StartsWith("{\"id\":\"C\",\"policy\":\"lattice-predictive\",", lines[2], StringComparison.Ordinal);
        Assert.Equal("{\"id\":null,\"error\":{\"code\":\"SLA1830\",\"message\":\"the lead has no id (column `Lead ID` is empty)\",\"location\":\"" + leads + ":6:1\",\"line\":6}}", lines[3]);

        // Activity rows stay warnings on stderr, with the closing count; the bad lead rows are answered on stdout only.
        Assert.Contains(touches + ":3:1: warning SLA1840: lead \"Z\" is not in the leads file; the row is skipped", stderr, StringComparison.Ordinal);
        Assert.EndsWith("slaengine import: 4 lead rows, 2 invalid; 2 touch rows (1 joined), 0 event rows (0 joined), 0 skipped by the map; 1 warnings (SLA1840: 1)\n", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SLA1832", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_Evaluate_BadLeadRow_IsAnsweredAsTheSameLeadBrokenInJsonl()
    {
        var (map, leads, touches) = ExportWithABadRow();
        var jsonl = Write("leads.jsonl", "{\"id\":\"A\",\"mql_at\":\"2026-11-20T15:30:00Z\"}\n{\"id\":\"B\",\"mql_at\":\"yesterday\"}\n");

        var viaJsonl = CliRunner.Lines(CliRunner.Run("evaluate", "--policy", CliRunner.RankBands, "--at", "2026-11-23T21:00:00Z", "--leads", jsonl).Stdout)[1];
        var viaMap = CliRunner.Lines(CliRunner.Run("evaluate", "--policy", CliRunner.RankBands, "--at", "2026-11-23T21:00:00Z", "--map", map, "--leads", leads, "--touches", touches).Stdout)[1];

        // The same writer: the same keys in the same order, the CSV row adding where it is.
        string Keys(string line) => string.Join(",", System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("error").EnumerateObject().Select(p => p.Name));
        Assert.Equal("code,message,line", Keys(viaJsonl));
        Assert.Equal("code,message,location,line", Keys(viaMap));
    }

    [Theory]
    [InlineData("report")]
    [InlineData("compare")]
    [InlineData("timeline")]
    public void Map_BadLeadRow_IsAnsweredAsTheCommandAnswersABadJsonlLead(string command)
    {
        var (map, leads, touches) = ExportWithABadRow();
        string[] policies = command == "compare" ? ["--base", CliRunner.RankBands, "--candidate", CliRunner.RankBands] : ["--policy", CliRunner.RankBands];

        var (code, stdout, stderr) = CliRunner.Run([command, .. policies, "--at", "2026-11-23T21:00:00Z", "--map", map, "--leads", leads, "--touches", touches]);

        Assert.Equal(3, code);
        var location = "\"location\":\"" + leads + ":4:2\",\"line\":4}}";
        switch (command)
        {
            case "report":
                // As a bad JSONL line: counted as invalid, its error line on stderr; the two good leads are in the report.
                using (var report = System.Text.Json.JsonDocument.Parse(stdout))
                {
                    Assert.Equal(2, report.RootElement.GetProperty("invalid").GetInt32());
                    Assert.Equal(2, report.RootElement.GetProperty("overall").GetProperty("leads").GetInt32());
                }

                Assert.Contains("{\"id\":\"B\",\"error\":{\"code\":\"SLA1832\",", stderr, StringComparison.Ordinal);
                Assert.Contains(location, stderr, StringComparison.Ordinal);
                break;
            case "compare":
                // Same policy twice: nothing differs, so only the error lines and the totals are written.
                var lines = CliRunner.Lines(stdout);
                Assert.StartsWith("{\"id\":\"B\",\"error\":{\"code\":\"SLA1832\",", lines[0], StringComparison.Ordinal);
                Assert.EndsWith(location, lines[0], StringComparison.Ordinal);
                Assert.StartsWith("{\"id\":null,\"error\":{\"code\":\"SLA1830\",", lines[1], StringComparison.Ordinal);
                Assert.Equal(3, lines.Length);
                break;
            default:
                var timeline = CliRunner.Lines(stdout);
                Assert.Equal(4, timeline.Length);
                Assert.StartsWith("{\"id\":\"A\",\"next_change_at\":", timeline[0], StringComparison.Ordinal);
                Assert.EndsWith(location, timeline[1], StringComparison.Ordinal);
                Assert.StartsWith("{\"id\":\"C\",", timeline[2], StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void Map_TimelinePage_ListsTheBadLeadRowInItsIndex()
    {
        var (map, leads, touches) = ExportWithABadRow();

        var (code, page, stderr) = CliRunner.Run("timeline", "--policy", CliRunner.RankBands, "--at", "2026-11-23T21:00:00Z", "--map", map, "--leads", leads, "--touches", touches, "--format", "html");

        Assert.Equal(3, code);
        Assert.Contains("SLA1832", page, StringComparison.Ordinal);
        Assert.Contains(leads + ":4:2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Touches_WithoutMap_IsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run("evaluate", "--policy", CliRunner.RankBands, "--at", "2026-11-23T21:00:00Z", "--leads", Write("l.jsonl", "{\"id\":\"a\"}\n"), "--touches", Write("t.csv", "x\n"));

        Assert.Equal(2, code);
        Assert.Contains("--touches and --events need --map", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A leads file with a row that spans two lines (a quoted note), a bad date on line 4 (row 2), a good row and a row
    /// without an id; a touches file with a touch of A and one of an unknown lead.
    /// </summary>
    private (string Map, string Leads, string Touches) ExportWithABadRow()
    {
        var map = Write("map.yaml", "zone: America/New_York\ndate_format: M/d/yyyy h:mm tt\nleads:\n  id: Lead ID\n  mql_at: MQL Date\n  attributes:\n    purchase_timeline: Timeline\ntouches:\n  lead: Lead ID\n  at: Date\n  channel: Type\n");
        var leads = Write("leads.csv", "Lead ID,MQL Date,Timeline,Notes\nA,11/20/2026 10:30 AM,now,\"two\nlines\"\nB,yesterday,now,\nC,11/21/2026 9:00 AM,1-6 months,\n,11/21/2026 9:00 AM,now,\n");
        var touches = Write("touches.csv", "Lead ID,Date,Type\nA,11/20/2026 10:40 AM,call\nZ,11/20/2026 10:40 AM,call\n");
        return (map, leads, touches);
    }

    private static string Sample(params string[] parts) => Path.Combine([ArchitectureTests.RepositoryRoot(), "samples", "import", .. parts]);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
