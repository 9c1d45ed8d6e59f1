using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;

namespace SlaEngine.Import.Tests;

/// <summary>CSV as CRM exports write it: RFC 4180 quoting, byte-order marks, line endings, headers.</summary>
public sealed class CsvReadingTests
{
    private const string Map = """
        zone: UTC
        leads:
          id: Lead ID
          attributes:
            title: Title
            note: Note
        """;

    [Fact]
    public void Quoting_EmbeddedCommasQuotesAndLineBreaks_AreOneValueEach()
    {
        const string csv = "Lead ID,Title,Note\n"
            + "L1,\"VP, Marketing\",\"said \"\"call me\"\" twice\"\n"
            + "L2,Director,\"line one\nline two\"\n"
            + "L3,\"\",plain\n";

        var import = Import.Run(Map, csv);

        Assert.Equal(["L1", "L2", "L3"], import.Leads.Select(l => l.Id));
        Assert.Equal("VP, Marketing", import.Leads[0].Lead!.Attributes["title"].AsString);
        Assert.Equal("said \"call me\" twice", import.Leads[0].Lead!.Attributes["note"].AsString);
        Assert.Equal("line one\nline two", import.Leads[1].Lead!.Attributes["note"].AsString);
        Assert.False(import.Leads[2].Lead!.Attributes.ContainsKey("title")); // an empty cell is a missing attribute
        Assert.Equal([2, 3, 5], import.Leads.Select(l => l.Line));           // L3 starts after the two-line value
    }

    [Fact]
    public void ByteOrderMark_AndCrlf_AreRead()
    {
        var import = Import.Run(Map, "\uFEFFLead ID,Title,Note\r\nL1,CEO,x\r\nL2,CTO,y\r\n");

        Assert.Equal(["L1", "L2"], import.Leads.Select(l => l.Id));
        Assert.Equal("CTO", import.Leads[1].Lead!.Attributes["title"].AsString); // no stray \r
        Assert.Equal("y", import.Leads[1].Lead!.Attributes["note"].AsString);
    }

    [Fact]
    public void Headers_MatchCaseInsensitively_InAnyOrder_WithExtraColumns()
    {
        var import = Import.Run(Map, "NOTE,Company, lead id ,title\nhello,Acme,L9,Head of Sales\n");

        var lead = Assert.Single(import.Leads).Lead!;
        Assert.Equal("L9", lead.Id);
        Assert.Equal("Head of Sales", lead.Attributes["title"].AsString);
        Assert.Equal("hello", lead.Attributes["note"].AsString);
    }

    [Fact]
    public void MissingColumn_IsAFileErrorNamingTheColumnsThatExist()
    {
        var import = Import.Run(Map, "Lead Id,Titel,Company\nL1,CEO,Acme\n");

        Assert.Empty(import.Leads);
        var errors = import.Summary.FileErrors.Select(e => e.ToString()).ToList();
        Assert.Equal(
        [
            "leads.csv:1:1: error SLA1821: no column `Title` in the header; did you mean `Titel`? (the columns are `Lead Id`, `Titel`, `Company`)",
            "leads.csv:1:1: error SLA1821: no column `Note` in the header (the columns are `Lead Id`, `Titel`, `Company`)",
        ], errors);
    }

    [Fact]
    public void DuplicateMappedColumn_IsAFileError()
    {
        var import = Import.Run(Map, "Lead ID,Title,Note,TITLE\nL1,a,b,c\n");

        var error = Assert.Single(import.Summary.FileErrors);
        Assert.Equal("leads.csv:1:4: error SLA1824: the column `Title` appears twice in the header (columns 2 and 4); the map cannot tell which to read", error.ToString());
    }

    [Fact]
    public void EmptyFile_IsAFileError()
    {
        var import = Import.Run(Map, string.Empty);

        Assert.Equal(ImportDiagnosticCodes.CsvEmpty, Assert.Single(import.Summary.FileErrors).Code);
    }

    [Fact]
    public void BlankLines_AreSkipped_ShortRows_AreLocatedErrors()
    {
        var import = Import.Run(Map, "Lead ID,Title,Note\n\nL1,CEO,x\n\r\nL2,CTO\nL3,CFO,z\n");

        Assert.Equal(3, import.Summary.LeadRows);
        Assert.True(import.Leads[0].Success);
        Assert.Equal("leads.csv:5:3: error SLA1836: the row ends before the column `Note`", import.Leads[1].Error!.ToString());
        Assert.Equal("L2", import.Leads[1].Id);
        Assert.True(import.Leads[2].Success);
    }

    [Fact]
    public void UnclosedQuote_IsTheRowsError()
    {
        var import = Import.Run(Map, "Lead ID,Title,Note\nL1,CEO,x\nL2,\"CTO,y\nL3,CFO,z\n");

        Assert.Equal(2, import.Leads.Count);
        Assert.Equal("leads.csv:3:1: error SLA1823: a quoted field is not closed: the rest of the file is read as one value", import.Leads[1].Error!.ToString());
    }

    [Fact]
    public void StrayQuote_AndTextAfterClosingQuote_AreKeptWithAWarning()
    {
        var import = Import.Run(Map, "Lead ID,Title,Note\nL1,\"24\"\" screens\",ok\nL2,27\" screen,x\nL3,\"VP\" Sales,y\n");

        Assert.Equal(["24\" screens", "27\" screen", "VP Sales"], import.Leads.Select(l => l.Lead!.Attributes["title"].AsString));
        Assert.Equal(
        [
            "leads.csv:3:1: warning SLA1823: a quote inside an unquoted field is kept as text (a field with quotes should be quoted as a whole, with \"\" for each quote)",
            "leads.csv:4:1: warning SLA1823: text follows a closing quote; it is appended to the field's value",
        ], import.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void Semicolons_WithSeparatorKey()
    {
        var import = Import.Run("zone: UTC\nseparator: ;\nleads:\n  id: Id\n  attributes:\n    employees: { column: Employees, type: number }\n", "Id;Employees\nL1;\"1,200\"\n");

        Assert.Equal(1200, Assert.Single(import.Leads).Lead!.Attributes["employees"].AsNumber);
    }

    [Fact]
    public void TypedAttributes_AndValueTables()
    {
        const string map = """
            zone: UTC
            leads:
              id: Id
              attributes:
                employees: { column: Employees, type: number }
                pain: { column: Pain, type: bool }
                timeline: { column: Timeline, values: { "0-3 months": now, "3-6 months": 1-6 months, Unknown: ~ } }
            """;
        var import = Import.Run(map, "Id,Employees,Pain,Timeline\nL1,250,Yes,0-3 MONTHS\nL2,12.5,no,unknown\nL3,lots,yes,\nL4,1,maybe,\nL5,1,1,Next year\n");

        Assert.Equal(250, import.Leads[0].Lead!.Attributes["employees"].AsNumber);
        Assert.True(import.Leads[0].Lead!.Attributes["pain"].AsBoolean);
        Assert.Equal("now", import.Leads[0].Lead!.Attributes["timeline"].AsString); // table keys match case-insensitively
        Assert.False(import.Leads[1].Lead!.Attributes.ContainsKey("timeline"));    // mapped to null: left out
        Assert.Equal("leads.csv:4:2: error SLA1833: \"lots\" in column `Employees` is not a number (write 1200 or 1,200.5)", import.Leads[2].Error!.ToString());
        Assert.Equal("leads.csv:5:3: error SLA1834: \"maybe\" in column `Pain` is not true/false, yes/no, y/n or 1/0", import.Leads[3].Error!.ToString());
        Assert.Equal("leads.csv:6:4: error SLA1835: \"Next year\" is not in the `values` table of column `Timeline`", import.Leads[4].Error!.ToString());
    }
}
