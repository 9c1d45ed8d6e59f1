using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;

namespace SlaEngine.Import.Tests;

/// <summary>Leads joined to touches and events: order, warnings with locations, dates, daylight saving.</summary>
public sealed class JoinTests
{
    private const string Leads = "Lead ID,MQL Date,No. of Employees,Title,Country,Lead Status,Status Changed\n"
        + "L-3,11/20/2026 10:30 AM,250,VP Marketing,US,Open,\n"
        + "L-1,11/20/2026 9:05 AM,\"1,200\",CFO,GB,Converted,11/24/2026 7:00 AM\n"
        + "L-2,,40,Student,US,Working,\n";

    private const string Touches = "Lead ID,Date,Type,Call Result\n"
        + "L-1,11/20/2026 11:10 AM,Call,Left Voicemail\n"
        + "L-3,11/20/2026 11:10 AM,Email,\n"
        + "L-1,11/20/2026 9:45 AM,Voicemail,\n"
        + "L-404,11/20/2026 9:45 AM,Call,\n"
        + "L-3,11/20/2026 12:00 PM,Meeting,\n"
        + "L-3,yesterday,Call,\n"
        + ",11/20/2026 12:00 PM,Call,\n"
        + "L-3,11/21/2026 8:00 AM,Call,Connected\n";

    private const string Events = "Lead ID,Campaign,Responded\n"
        + "L-2,Whitepaper 2026,11/1/2026 10:00 AM\n"
        + "L-2,Webinar Dec,11/2/2026 10:00 AM\n";

    [Fact]
    public void Join_KeepsLeadsFileOrder_SortsActivities_AndWarnsWithLocations()
    {
        var import = Import.Run(MapLoaderTests.SpecMap, Leads, Touches, Events);

        Assert.Equal(["L-3", "L-1", "L-2"], import.Leads.Select(l => l.Id));
        Assert.All(import.Leads, l => Assert.True(l.Success, l.Error?.ToString()));

        var l3 = import.Leads[0].Lead!;
        Assert.Equal(Instant.FromUtc(2026, 11, 20, 15, 30), l3.MqlAt);  // 10:30 EST
        Assert.Equal(250, l3.Attributes["employees"].AsNumber);
        Assert.Null(l3.Disposition);                                      // "Open" is not in the values table: no disposition
        Assert.Equal(
            [("email", Instant.FromUtc(2026, 11, 20, 16, 10), (string?)null), ("call", Instant.FromUtc(2026, 11, 21, 13, 0), "Connected")],
            l3.Touches.Select(t => (t.Channel, t.At, t.Outcome)));

        var l1 = import.Leads[1].Lead!;
        Assert.Equal(1200, l1.Attributes["employees"].AsNumber);
        Assert.Equal(new LeadDisposition { Outcome = DispositionOutcome.Convert, At = Instant.FromUtc(2026, 11, 24, 12, 0) }, l1.Disposition);
        Assert.Equal(["call@14:45", "call@16:10"], l1.Touches.Select(t => t.Channel + "@" + t.At.InUtc().TimeOfDay.ToString("HH:mm", null))); // chronological, not file order

        var l2 = import.Leads[2].Lead!;
        Assert.Null(l2.MqlAt);
        Assert.Equal([new LeadEvent { Type = "whitepaper_download", At = Instant.FromUtc(2026, 11, 1, 15, 0) }], l2.Events.ToArray()); // 10:00 EST = UTC-5 (DST ended on 1 Nov at 02:00)

        Assert.Equal(
        [
            "touches.csv:5:1: warning SLA1840: lead \"L-404\" is not in the leads file; the row is skipped",
            "touches.csv:6:3: warning SLA1835: \"Meeting\" is not in the `values` table of column `Type`; the row is skipped (map it to null to skip such rows without a warning)",
            "touches.csv:7:2: warning SLA1832: \"yesterday\" in column `Date` is not a date-time in the format M/d/yyyy h:mm tt (nor ISO-8601 with an offset); the row is skipped",
            "touches.csv:8:1: warning SLA1841: the row has no lead id (column `Lead ID` is empty); the row is skipped",
            "events.csv:3:2: warning SLA1835: \"Webinar Dec\" is not in the `values` table of column `Campaign`; the row is skipped (map it to null to skip such rows without a warning)",
        ], import.Warnings.Select(w => w.ToString()));

        var summary = import.Summary;
        Assert.Equal((3, 3, 0), (summary.LeadRows, summary.Leads, summary.LeadErrors));
        Assert.Equal((8, 4, 2, 1), (summary.TouchRows, summary.Touches, summary.EventRows, summary.Events));
        Assert.Equal(5, summary.Warnings);
        Assert.Equal(2, summary.WarningsByCode[ImportDiagnosticCodes.ValueNotInTable]);
    }

    [Fact]
    public void ValueMappedToNull_SkipsTheRowWithoutAWarning()
    {
        var map = MapLoaderTests.SpecMap.Replace("Voicemail: call }", "Voicemail: call, Meeting: ~ }", StringComparison.Ordinal);

        var import = Import.Run(map, Leads, Touches);

        Assert.DoesNotContain(import.Warnings, w => w.Message.Contains("Meeting", StringComparison.Ordinal));
        Assert.Equal(1, import.Summary.SkippedByMap);
    }

    [Fact]
    public void BadDate_InALeadRow_IsThatLeadsLocatedError_OthersAreRead()
    {
        var leads = Leads.Replace("11/20/2026 9:05 AM", "2026-13-45 09:05", StringComparison.Ordinal);

        var import = Import.Run(MapLoaderTests.SpecMap, leads, Touches);

        Assert.True(import.Leads[0].Success);
        Assert.False(import.Leads[1].Success);
        Assert.Equal("L-1", import.Leads[1].Id);
        Assert.Equal("leads.csv:3:2: error SLA1832: \"2026-13-45 09:05\" in column `MQL Date` is not a date-time in the format M/d/yyyy h:mm tt (nor ISO-8601 with an offset)", import.Leads[1].Error!.ToString());
        Assert.True(import.Leads[2].Success);
        Assert.Equal((3, 2, 1), (import.Summary.LeadRows, import.Summary.Leads, import.Summary.LeadErrors));
    }

    [Fact]
    public void LeadRowErrors_MissingId_Duplicate_DispositionWithoutDate()
    {
        var leads = "Lead ID,MQL Date,No. of Employees,Title,Country,Lead Status,Status Changed\n"
            + ",11/20/2026 10:30 AM,1,a,US,Open,\n"
            + "L-1,11/20/2026 10:30 AM,1,a,US,Recycled,\n"
            + "L-2,11/20/2026 10:30 AM,1,a,US,Open,\n"
            + "L-2,11/20/2026 10:30 AM,1,a,US,Open,\n";

        var import = Import.Run(MapLoaderTests.SpecMap, leads, "Lead ID,Date,Type,Call Result\nL-2,11/20/2026 11:00 AM,Call,\n");

        Assert.Equal("leads.csv:2:1: error SLA1830: the lead has no id (column `Lead ID` is empty)", import.Leads[0].Error!.ToString());
        Assert.Equal("leads.csv:3:7: error SLA1837: the lead's status \"Recycled\" is a disposition (recycle) but the column `Status Changed` is empty", import.Leads[1].Error!.ToString());
        Assert.Single(import.Leads[2].Lead!.Touches);                                    // the first L-2 keeps the touch
        Assert.Equal("leads.csv:5:1: error SLA1831: the lead id `L-2` is already on line 4; that row keeps the id and its activities", import.Leads[3].Error!.ToString());
    }

    [Fact]
    public void DuplicateId_WithoutActivityFiles_IsAlsoAnError()
    {
        var import = Import.Run("zone: UTC\nleads:\n  id: Id\n", "Id\nA\nB\nA\n");

        Assert.Equal("leads.csv:4:1: error SLA1831: the lead id `A` is already on line 2; that row keeps the id", import.Leads[2].Error!.ToString());
    }

    [Fact]
    public void DaylightSaving_GapMovesForward_OverlapTakesEarlier_BothWarned()
    {
        var leads = "Lead ID,MQL Date\nGAP,3/8/2026 2:30 AM\nOVERLAP,11/1/2026 1:30 AM\nPLAIN,11/1/2026 2:30 AM\n";

        var import = Import.Run("zone: America/New_York\ndate_format: M/d/yyyy h:mm tt\nleads:\n  id: Lead ID\n  mql_at: MQL Date\n", leads);

        // 2:30 does not exist on 8 March (clocks jump 2:00 -> 3:00 EST -> EDT): 3:30 EDT = 07:30Z.
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 30), import.Leads[0].Lead!.MqlAt);
        // 1:30 happens twice on 1 November (EDT, then EST): the earlier is 1:30 EDT = 05:30Z.
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), import.Leads[1].Lead!.MqlAt);
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 7, 30), import.Leads[2].Lead!.MqlAt); // 2:30 EST, unambiguous
        Assert.Equal(
        [
            "leads.csv:2:2: warning SLA1850: \"3/8/2026 2:30 AM\" does not exist in America/New_York (skipped by a daylight-saving change); read as 2026-03-08T07:30:00Z, moved forward by the gap",
            "leads.csv:3:2: warning SLA1851: \"11/1/2026 1:30 AM\" occurs twice in America/New_York (a daylight-saving change repeats it); read as the earlier, 2026-11-01T05:30:00Z",
        ], import.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void DateOnlyColumn_IsStartOfDayInTheZone_WarnedOncePerColumn()
    {
        const string map = """
            zone: Europe/London
            date_format: [dd/MM/yyyy HH:mm, dd/MM/yyyy]
            leads:
              id: Id
            events:
              lead: Id
              type: Campaign
              at: First Responded Date
            """;

        var import = Import.Run(map, "Id\nA\n", events: "Id,Campaign,First Responded Date\nA,webinar,02/07/2026\nA,webinar,03/07/2026\nA,demo,03/07/2026 14:00\n");

        Assert.Equal(
            [Instant.FromUtc(2026, 7, 1, 23, 0), Instant.FromUtc(2026, 7, 2, 23, 0), Instant.FromUtc(2026, 7, 3, 13, 0)], // BST: midnight is 23:00Z the day before
            import.Leads[0].Lead!.Events.Select(e => e.At));
        var warning = Assert.Single(import.Warnings);
        Assert.Equal("events.csv:2:3: warning SLA1852: column `First Responded Date` has dates without a time of day (\"02/07/2026\"); each is read as 00:00 in Europe/London (reported once per column)", warning.ToString());
    }

    [Fact]
    public void Iso8601WithOffset_IsAcceptedInAnyDateColumn()
    {
        var import = Import.Run("zone: America/New_York\ndate_format: M/d/yyyy\nleads:\n  id: Id\n  mql_at: At\n", "Id,At\nA,2026-11-20T15:30:00+01:00\nB,2026-11-20T15:30:00Z\n");

        Assert.Equal(Instant.FromUtc(2026, 11, 20, 14, 30), import.Leads[0].Lead!.MqlAt);
        Assert.Equal(Instant.FromUtc(2026, 11, 20, 15, 30), import.Leads[1].Lead!.MqlAt);
        Assert.Empty(import.Warnings);
    }

    [Fact]
    public void Json_RoundTripsThroughLeadSnapshotParse()
    {
        var import = Import.Run(MapLoaderTests.SpecMap, Leads, Touches, Events);

        foreach (var row in import.Leads)
        {
            var json = LeadSnapshotJson.Serialize(row.Lead!);
            var read = LeadSnapshot.Parse(json);
            Assert.True(read.Success, json + " -> " + read.Error);
            Assert.Equal(json, LeadSnapshotJson.Serialize(read.Value));
        }

        Assert.Equal(
            "{\"id\":\"L-1\",\"mql_at\":\"2026-11-20T14:05:00Z\",\"attributes\":{\"country\":\"GB\",\"employees\":1200,\"title\":\"CFO\"},"
            + "\"touches\":[{\"channel\":\"call\",\"at\":\"2026-11-20T14:45:00Z\"},{\"channel\":\"call\",\"at\":\"2026-11-20T16:10:00Z\",\"outcome\":\"Left Voicemail\"}],"
            + "\"disposition\":{\"outcome\":\"convert\",\"at\":\"2026-11-24T12:00:00Z\"}}",
            LeadSnapshotJson.Serialize(import.Leads[1].Lead!));
    }

    [Fact]
    public void ErrorLine_NamesFileLineAndColumn()
    {
        var import = Import.Run("zone: UTC\nleads:\n  id: Id\n  mql_at: At\n", "Id,At\nA,soon\n");
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream, LeadSnapshotJson.WriterOptions))
        {
            LeadSnapshotJson.Write(writer, import.Leads[0]);
        }

        Assert.Equal(
            "{\"id\":\"A\",\"error\":{\"code\":\"SLA1832\",\"message\":\"\\\"soon\\\" in column `At` is not a date-time in the format yyyy-MM-dd'T'HH:mm:ss or yyyy-MM-dd'T'HH:mm or yyyy-MM-dd HH:mm:ss or yyyy-MM-dd HH:mm or yyyy-MM-dd (nor ISO-8601 with an offset)\",\"file\":\"leads.csv\",\"line\":2,\"column\":2}}",
            System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void FilesWithoutAMapSection_AreAProgrammerError()
    {
        var map = Import.Map("zone: UTC\nleads:\n  id: Id\n");

        Assert.Throws<ArgumentException>(() => LeadCsvReader.Create(map, CsvSource.FromText("l.csv", "Id\n"), touches: CsvSource.FromText("t.csv", "Id\n")));
    }

    [Fact]
    public void ReadLeads_Twice_Throws()
    {
        using var reader = LeadCsvReader.Create(Import.Map("zone: UTC\nleads:\n  id: Id\n"), CsvSource.FromText("l.csv", "Id\nA\n"));
        _ = reader.ReadLeads().ToList();

        Assert.Throws<InvalidOperationException>(() => reader.ReadLeads());
    }
}

public sealed class WriteJsonLinesTests
{
    [Fact]
    public void WriteJsonLines_OneLinePerLeadRow_ErrorsInPlace()
    {
        var map = Import.Map("zone: UTC\nleads:\n  id: Id\n  mql_at: At\n");
        using var reader = LeadCsvReader.Create(map, CsvSource.FromText("leads.csv", "Id,At\nA,2026-11-20 10:00\nB,later\n"));
        using var output = new MemoryStream();

        var ok = reader.WriteJsonLines(output);

        Assert.False(ok);
        Assert.Equal(
            "{\"id\":\"A\",\"mql_at\":\"2026-11-20T10:00:00Z\"}\n"
            + "{\"id\":\"B\",\"error\":{\"code\":\"SLA1832\",\"message\":\"\\\"later\\\" in column `At` is not a date-time in the format yyyy-MM-dd'T'HH:mm:ss or yyyy-MM-dd'T'HH:mm or yyyy-MM-dd HH:mm:ss or yyyy-MM-dd HH:mm or yyyy-MM-dd (nor ISO-8601 with an offset)\",\"file\":\"leads.csv\",\"line\":3,\"column\":2}}\n",
            System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal((2, 1, 1), (reader.Summary.LeadRows, reader.Summary.Leads, reader.Summary.LeadErrors));
    }
}

public sealed class WriteJsonLinesFailureTests
{
    [Fact]
    public void WriteJsonLines_OutputFails_ThrowsInsteadOfHanging()
    {
        var leads = "Id\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => "L" + i + "\n"));
        using var reader = LeadCsvReader.Create(Import.Map("zone: UTC\nleads:\n  id: Id\n"), CsvSource.FromText("leads.csv", leads));

        Assert.Throws<IOException>(() => reader.WriteJsonLines(new FailingStream()));
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("disk full");
    }
}

public sealed class OpenJsonLinesTests
{
    [Fact]
    public void OpenJsonLines_StreamsTheSameLinesAsWriteJsonLines()
    {
        const string map = "zone: UTC\nleads:\n  id: Id\n  mql_at: At\n";
        const string csv = "Id,At\nA,2026-11-20 10:00\nB,later\nC,\n";
        using var first = LeadCsvReader.Create(Import.Map(map), CsvSource.FromText("leads.csv", csv));
        using var written = new MemoryStream();
        first.WriteJsonLines(written);

        var errors = new List<int>();
        using var second = LeadCsvReader.Create(Import.Map(map), CsvSource.FromText("leads.csv", csv));
        using var stream = second.OpenJsonLines(row => { if (!row.Success) { errors.Add(row.Line); } });
        using var copy = new MemoryStream();
        var chunk = new byte[7]; // small reads cross line boundaries
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            copy.Write(chunk, 0, n);
        }

        Assert.Equal(written.ToArray(), copy.ToArray());
        Assert.Equal([3], errors);
        Assert.Equal(3, second.Summary.LeadRows);
    }
}

public sealed class CheckFilesTests
{
    [Fact]
    public void CheckFiles_ReportsEveryFileProblem_BeforeAnyRowIsRead()
    {
        var map = Import.Map(MapLoaderTests.SpecMap);
        using var reader = LeadCsvReader.Create(map, CsvSource.FromText("leads.csv", "Lead ID,MQL Date\n"), CsvSource.FromText("touches.csv", ""), CsvSource.FromFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv")));

        var errors = reader.CheckFiles();

        Assert.Equal(["SLA1821", "SLA1821", "SLA1821", "SLA1821", "SLA1821", "SLA1822", "SLA1820"], errors.Select(e => e.Code).ToArray());
        Assert.Equal(0, reader.Summary.LeadRows);
    }

    [Fact]
    public void OpenJsonLines_WithoutErrorRows_HandsThemToTheCallback()
    {
        using var reader = LeadCsvReader.Create(Import.Map("zone: UTC\nleads:\n  id: Id\n  mql_at: At\n"), CsvSource.FromText("leads.csv", "Id,At\nA,\nB,later\nC,\n"));
        var errors = new List<string>();

        using var stream = reader.OpenJsonLines(row => { if (!row.Success) { errors.Add(row.Error.ToString()); } }, includeErrorRows: false);
        using var text = new StreamReader(stream);

        Assert.Equal("{\"id\":\"A\"}\n{\"id\":\"C\"}\n", text.ReadToEnd());
        Assert.Equal(["leads.csv:3:2: error SLA1832: \"later\" in column `At` is not a date-time in the format yyyy-MM-dd'T'HH:mm:ss or yyyy-MM-dd'T'HH:mm or yyyy-MM-dd HH:mm:ss or yyyy-MM-dd HH:mm or yyyy-MM-dd (nor ISO-8601 with an offset)"], errors);
    }
}
