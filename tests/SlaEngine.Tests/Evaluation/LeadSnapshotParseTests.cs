using System.Collections.Immutable;
using System.Text;
using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Evaluation;

/// <summary><see cref="LeadSnapshot.Parse(ReadOnlySpan{byte})"/>: every key of the lead, and a located error for every way a lead can be wrong.</summary>
public sealed class LeadSnapshotParseTests
{
    [Fact]
    public void Parse_EveryKey_BuildsTheSnapshot()
    {
        var lead = LeadSnapshot.Parse("""
            {"id":"L-1","mql_at":"2026-11-20T10:30:00-05:00","unknown":{"ignored":[1,2]},
             "attributes":{"employees":250,"vip":true,"title":"VP","tags":["a",1,null],"none":null},
             "events":[{"type":"webinar","at":"2026-11-01T10:00:00Z","extra":1}],
             "touches":[{"channel":"call","at":"2026-11-20T16:10:00.5Z","outcome":"no_answer"},{"channel":"email","at":"2026-11-20T16:20:00Z","outcome":null}],
             "paused":[{"from":"2026-11-21T00:00:00Z","to":"2026-11-22T00:00:00Z"}],
             "disposition":{"outcome":"Convert","at":"2026-11-24T12:00:00Z"},
             "assigned":{"tier":"gold","team":null}}
            """).GetValueOrThrow();

        Assert.Equal("L-1", lead.Id);
        Assert.Equal(Instant.FromUtc(2026, 11, 20, 15, 30), lead.MqlAt);
        Assert.Equal(LeadValue.FromNumber(250), lead.Attributes["employees"]);
        Assert.Equal(LeadValue.FromBoolean(true), lead.Attributes["vip"]);
        Assert.Equal(LeadValue.FromList(["a", 1.0, LeadValue.Null]), lead.Attributes["tags"]);
        Assert.True(lead.Attributes["none"].IsNull);
        Assert.Equal(new LeadEvent("webinar", Instant.FromUtc(2026, 11, 1, 10, 0)), Assert.Single(lead.Events));
        Assert.Equal(Instant.FromUtc(2026, 11, 20, 16, 10).PlusNanoseconds(500_000_000), lead.Touches[0].At);
        Assert.Equal(("email", (string?)null), (lead.Touches[1].Channel, lead.Touches[1].Outcome));
        Assert.Equal(new Interval(Instant.FromUtc(2026, 11, 21, 0, 0), Instant.FromUtc(2026, 11, 22, 0, 0)), Assert.Single(lead.Paused.Intervals));
        Assert.Equal(new LeadDisposition(DispositionOutcome.Convert, Instant.FromUtc(2026, 11, 24, 12, 0)), lead.Disposition);
        Assert.Equal(new LeadAssignment("gold", null), lead.Assigned);
    }

    [Fact]
    public void Parse_AnErrorLine_StaysThatLeadsError()
    {
        // What `slaengine import` writes for a lead row it could not read: fed back as leads, it is not an empty lead.
        var error = LeadSnapshot.Parse("""{"id":"B","error":{"code":"SLA1832","message":"'mql_at' is 'soon'","location":"leads.csv:4:2","line":4}}""").Error!;
        Assert.Equal(("SLA0714", "B", "leads.csv:4:2", "error"), (error.Code, error.LeadId, error.Location, error.Path));
        Assert.Contains("SLA1832: 'mql_at' is 'soon'", error.Message, StringComparison.Ordinal);

        var bare = LeadSnapshot.Parse("""{"id":"C","mql_at":"2026-11-20T10:30:00Z","error":"unreadable"}""").Error!;
        Assert.Equal(("SLA0714", "C", null), (bare.Code, bare.LeadId, bare.Location));

        Assert.True(LeadSnapshot.Parse("""{"id":"D","error":null}""").Success); // null is the same as absent
    }

    [Fact]
    public void Parse_AttributesOrder_DoesNotMatter()
    {
        var a = LeadSnapshot.Parse("""{"id":"A","attributes":{"b":1,"a":"x","c":true}}""").GetValueOrThrow();
        var b = LeadSnapshot.Parse("""{"id":"A","attributes":{"c":true,"a":"x","b":1}}""").GetValueOrThrow();
        Assert.Equal(a, b);
        Assert.Equal(["a", "b", "c"], a.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(a.Attributes, a.Attributes); // built once
        Assert.Same(a.Attributes, a.Attributes);
    }

    [Fact]
    public void Parse_TextAndUtf8_GiveEqualSnapshots()
    {
        const string json = """{"id":"Zoë ✓","attributes":{"title":"Directrice générale \u00e9"},"touches":[{"channel":"call","at":"2026-11-20T16:10:00Z"}]}""";

        var fromText = LeadSnapshot.Parse(json).Value;
        var fromBytes = LeadSnapshot.Parse(Encoding.UTF8.GetBytes(json)).Value;

        Assert.Equal(("Zoë ✓", "Directrice générale é"), (fromText.Id, fromText.Attributes["title"].AsString));
        Assert.Equal(fromText.Id, fromBytes.Id);
        Assert.Equal(fromText.Attributes, fromBytes.Attributes);
        Assert.True(LeadSnapshot.TryParse(json, out var lead) && lead.Id == "Zoë ✓");
        Assert.False(LeadSnapshot.TryParse("{}", out lead));
        Assert.Null(lead);
    }

    [Fact]
    public void Parse_ValidSurrogatePairEscape_IsOneCharacter() =>
        Assert.Equal("😀", LeadSnapshot.Parse("""{"id":"\ud83d\ude00"}""").Value.Id);

    [Fact]
    public void Parse_NumericId_IsItsText() => Assert.Equal("1001", LeadSnapshot.Parse("""{"id":1001}""").Value.Id);

    [Theory]
    [InlineData("""{"mql_at":5,"id":"oops"}""", "SLA0702", "mql_at", 10, "oops", "'mql_at' must be an ISO-8601 instant string, not a number")] // the id comes after the error: still found
    [InlineData("""{"id":"a","mql_at":"2026-11-20 15:30"}""", "SLA0703", "mql_at", 19, "a", "'mql_at' is '2026-11-20 15:30'; expected an ISO-8601 instant with Z or an offset, like 2026-11-20T15:30:00Z")] // no offset
    [InlineData("""{"id":"a","mql_at":"2026-11-20T15:30:00"}""", "SLA0703", "mql_at", 19, "a", null)] // a local time is not an instant
    [InlineData("""{"id":"a","touches":[{"at":"2026-11-20T15:30:00Z"}]}""", "SLA0706", "touches[0].channel", 21, "a", "'touches[0].channel' is required")]
    [InlineData("""{"id":"a","touches":[{"channel":"call","at":"2026-11-20T15:30:00Z"},{"channel":7,"at":"x"}]}""", "SLA0702", "touches[1].channel", 79, "a", "'touches[1].channel' must be a string, not a number")]
    [InlineData("""{"id":"a","events":[{"type":"x"}]}""", "SLA0706", "events[0].at", 20, "a", null)]
    [InlineData("""{"id":"a","events":{}}""", "SLA0702", "events", 19, "a", "'events' must be an array, not an object")]
    [InlineData("""{"id":"a","attributes":{"x":{"y":1}}}""", "SLA0702", "attributes.x", 28, "a", "'attributes.x' must be null, a boolean, a number, a string or a list, not an object")]
    [InlineData("""{"id":"a","attributes":{"x":[1,[2,1e999]]}}""", "SLA0707", "attributes.x[1][1]", 34, "a", "'attributes.x[1][1]' is not a finite number")]
    [InlineData("""{"id":"a","attributes":{"x":1,"x":2}}""", "SLA0709", "attributes.x", 30, "a", "'attributes.x' is given twice")]
    [InlineData("""{"id":"a","id":"b"}""", "SLA0709", "id", 10, "a", "'id' is given twice")]
    [InlineData("""{"id":"a","paused":[{"from":"2026-11-22T00:00:00Z","to":"2026-11-21T00:00:00Z"}]}""", "SLA0707", "paused[0]", 20, "a", "'paused[0]' ends before it starts")]
    [InlineData("""{"id":"a","disposition":{"outcome":"won","at":"2026-11-21T00:00:00Z"}}""", "SLA0704", "disposition.outcome", 35, "a", "'disposition.outcome' is 'won'; expected convert, defer or recycle")]
    [InlineData("""{"id":"a","assigned":{"tier":1}}""", "SLA0702", "assigned.tier", 29, "a", "'assigned.tier' must be a string, not a number")]
    [InlineData("""{"id":true}""", "SLA0702", "id", 6, null, "'id' must be a string, not a boolean")]
    [InlineData("""{"id":null}""", "SLA0706", "id", 6, null, "'id' is required and must be a string")]
    [InlineData("""{"attributes":{}}""", "SLA0706", "id", 0, null, "'id' is required and must be a string")]
    [InlineData("""[1,2]""", "SLA0702", null, 0, null, "a lead must be a JSON object, not an array")]
    [InlineData("""{"id":"a"} {"id":"b"}""", "SLA0701", null, 11, "a", "not valid JSON at column 12: unexpected `{`")] // two objects on one line
    [InlineData("""{"id":"a",""", "SLA0701", null, 10, "a", "not valid JSON at column 11: the text ends before the lead object is complete")]
    [InlineData("   ", "SLA0701", null, 0, null, "empty line: expected a lead object")]
    public void Parse_BadLead_IsALocatedError(string json, string code, string? path, long offset, string? id, string? message)
    {
        var result = LeadSnapshot.Parse(json);

        Assert.False(result.Success);
        var error = result.Error!;
        Assert.Equal((code, path, offset, id), (error.Code, error.Path, error.ByteOffset, error.LeadId));
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }

        Assert.Equal(id, result.LeadId);
        Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Same(error, Assert.Throws<InvalidLeadException>(() => result.GetValueOrThrow()).Error);
    }

    [Fact]
    public void Parse_ErrorInAMultiLineText_OffsetCountsEveryLine()
    {
        var error = LeadSnapshot.Parse("{\n  \"id\": \"a\",\n  \"mql_at\": ]\n}").Error!;

        Assert.Equal("SLA0701", error.Code);
        Assert.Equal(27, error.ByteOffset); // the ']' on the third line
    }

    [Theory]
    [InlineData(63, true)] // the lead object, attributes and 61 nested arrays: 63 levels
    [InlineData(64, true)] // 64 levels: the limit
    [InlineData(65, false)]
    public void Parse_Depth_IsLimitedTo64(int depth, bool ok)
    {
        var json = "{\"id\":\"d\",\"attributes\":{\"x\":" + new string('[', depth - 2) + new string(']', depth - 2) + "}}";

        var result = LeadSnapshot.Parse(json);

        Assert.Equal(ok, result.Success);
        if (!ok)
        {
            Assert.Equal("not valid JSON at column 91: nested deeper than 64 levels", result.Error!.Message);
        }
    }

    [Fact]
    public void Parse_RepeatedChannelsAndTypes_ShareOneString()
    {
        var a = LeadSnapshot.Parse("""{"id":"a","touches":[{"channel":"call","at":"2026-11-20T16:10:00Z"}]}""").Value;
        var b = LeadSnapshot.Parse("""{"id":"b","touches":[{"channel":"call","at":"2026-11-20T16:10:00Z"}]}""").Value;

        Assert.Same(a.Touches[0].Channel, b.Touches[0].Channel);
    }

    [Fact]
    public void Results_Factories_RefuseNull()
    {
        Assert.Throws<ArgumentNullException>(() => LeadParseResult.ForValue(null!));
        Assert.Throws<ArgumentNullException>(() => LeadEvaluationResult.ForError(null!));
        var error = new LeadError("SLA0701", "bad") { Path = "id", ByteOffset = 3, LeadId = "x" };
        Assert.Equal((4L, "SLA0701: bad"), (error.Column!.Value, error.ToString()));
        Assert.Equal("x", LeadParseResult.ForError(error).LeadId);
    }
}
