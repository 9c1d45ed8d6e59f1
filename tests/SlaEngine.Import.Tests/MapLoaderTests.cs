using SlaEngine.Diagnostics;

namespace SlaEngine.Import.Tests;

public sealed class MapLoaderTests
{
    // The map of the import section of the command-line contract, verbatim.
    internal const string SpecMap = """
        zone: America/New_York                 # for date-times written without an offset
        date_format: M/d/yyyy h:mm tt          # .NET custom format; a column may override it
        leads:
          id: Lead ID
          mql_at: MQL Date                     # optional
          attributes:                          # attribute: column, or { column, type: number|string|bool }
            employees: { column: No. of Employees, type: number }
            title: Title
            country: Country
          disposition: { outcome: { column: Lead Status, values: { Converted: convert, Recycled: recycle, Nurture: defer } }, at: Status Changed }
        touches:
          lead: Lead ID
          at: Date
          channel: { column: Type, values: { Call: call, Email: email, Voicemail: call } }
          outcome: Call Result                 # optional
        events:
          lead: Lead ID
          type: { column: Campaign, values: { "Whitepaper 2026": whitepaper_download } }
          at: Responded
        """;

    [Fact]
    public void TryLoad_TheDocumentedMap_LoadsWithoutDiagnostics()
    {
        var result = ImportMapLoader.TryLoad(SpecMap);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal("America/New_York", result.Map.Zone.Id);
        Assert.Equal(["M/d/yyyy h:mm tt"], result.Map.DateFormats.ToArray());
        Assert.True(result.Map.HasTouches);
        Assert.True(result.Map.HasEvents);
        Assert.Equal(["employees", "title", "country"], result.Map.AttributeNames.ToArray());
    }

    [Fact]
    public void TryLoad_EveryError_IsReportedAtOnceWithPositions()
    {
        const string yaml = """
            zone: America/New_Yrok
            date_format: q
            leads:
              id: Lead ID
              mql_date: MQL Date
              attributes:
                employees: { column: Employees, type: integer }
              disposition: { outcome: { column: Status, values: { Won: converted } }, at: Changed }
            touches:
              lead: Lead ID
              channel: Type
            """;

        var result = ImportMapLoader.TryLoad(yaml, "crm.map.yaml");

        Assert.False(result.Success);
        Assert.Equal(
        [
            "crm.map.yaml:1:7: error SLA1806: `America/New_Yrok` is not an IANA time zone id (such as America/New_York or Europe/London); did you mean `America/New_York`?",
            "crm.map.yaml:2:14: error SLA1807: standard format letters such as `q` are not supported; write a custom format such as yyyy-MM-dd HH:mm",
            "crm.map.yaml:5:3: error SLA1803: `mql_date` is not a key of `leads` (known: id, mql_at, attributes, disposition); did you mean `mql_at`?",
            "crm.map.yaml:7:43: error SLA1808: `integer` is not an attribute type: use number, string or bool",
            "crm.map.yaml:8:60: error SLA1808: `converted` is not a disposition outcome: use convert, defer or recycle; did you mean `convert`?",
            "crm.map.yaml:10:3: error SLA1804: `at` is required in `touches`",
        ], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void TryLoad_NoZone_WarnsThatLocalTimesAreUtc()
    {
        var result = ImportMapLoader.TryLoad("leads:\n  id: Id\n");

        Assert.True(result.Success);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("map.yaml:1:1: warning SLA1809: the map names no `zone`: date-times written without an offset are read as UTC", warning.ToString());
        Assert.Equal("UTC", result.Map.Zone.Id);
    }

    [Theory]
    [InlineData("", "SLA1801", 1, 1)]                                                        // empty file
    [InlineData("leads: [a\n", "SLA1801", 2, 1)]                                             // unclosed flow sequence
    [InlineData("leads: !!python/object { id: Id }\n", "SLA1802", 1, 8)]                     // type tag
    [InlineData("leads: &a { id: Id }\ntouches: *a\n", "SLA1802", 1, 8)]                     // anchor
    [InlineData("leads:\n  id: Id\n---\nleads:\n  id: Id\n", "SLA1802", 3, 1)]               // second document
    [InlineData("zone: UTC\nleads:\n  id: Id\n  id: Other\n", "SLA1803", 4, 3)]              // duplicate key
    [InlineData("zone: UTC\n", "SLA1804", 1, 1)]                                             // no leads
    [InlineData("zone: UTC\nleads: Lead ID\n", "SLA1805", 2, 8)]                             // leads is not a mapping
    [InlineData("zone: UTC\nleads:\n  id: { name: Id }\n", "SLA1803", 3, 9)]                 // unknown key in a column
    [InlineData("zone: UTC\nleads:\n  id: Id\n  mql_at: { column: D, date_format: HH:mm }\n", "SLA1807", 4, 37)]  // a format without a date
    [InlineData("zone: UTC\nseparator: ab\nleads:\n  id: Id\n", "SLA1808", 2, 12)]           // separator of two characters
    [InlineData("zone: UTC\nleads:\n  id: ''\n", "SLA1808", 3, 7)]                           // empty column name
    [InlineData("zone: UTC\nleads:\n  id: Id\n  disposition: { outcome: Status, at: D }\n", "SLA1804", 4, 27)] // outcome without values
    public void TryLoad_BadMap_ReportsTheCodeAtThePosition(string yaml, string code, int line, int column)
    {
        var result = ImportMapLoader.TryLoad(yaml);

        Assert.False(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Line == line && d.Column == column && d.IsError);
    }

    [Fact]
    public void Load_BadMap_ThrowsWithEveryDiagnostic()
    {
        var e = Assert.Throws<ImportMapException>(() => ImportMapLoader.Load("zone: Mars/Olympus\nleads:\n  idd: Id\n"));

        Assert.Equal(["SLA1806", "SLA1803", "SLA1804"], e.Diagnostics.Select(d => d.Code).ToArray()); // by position: zone (1:7), then idd and the missing id, both at 3:3
    }

    [Fact]
    public void TryLoadFile_Missing_IsDiagnosticNotException()
    {
        var result = ImportMapLoader.TryLoadFile(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "map.yaml"));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ImportDiagnosticCodes.MapUnreadable, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("no such directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_DateFormatList_AndPerColumnOverrides()
    {
        const string yaml = """
            zone: Europe/London
            date_format: [dd/MM/yyyy HH:mm, dd/MM/yyyy]
            separator: ;
            leads:
              id: Id
              mql_at: { column: MQL, zone: America/Chicago, date_format: yyyy-MM-dd'T'HH:mm }
            """;

        var map = Import.Map(yaml);

        Assert.Equal(["dd/MM/yyyy HH:mm", "dd/MM/yyyy"], map.DateFormats.ToArray());
        Assert.Equal(';', map.Separator);
        var import = Import.Run(map, CsvSource.FromText("leads.csv", "Id;MQL\nL1;2026-11-20T10:30\n"));
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 20, 16, 30), import.Leads[0].Lead!.MqlAt); // Chicago is UTC-6 in November
    }
}
