using System.Text;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Evaluation;

/// <summary>The fast lead reader gives up or agrees with the complete reader, on real and mutated lines.</summary>
public sealed class LeadJsonFastReaderTests
{
    [Fact]
    public void FastReader_OnSampleAndConformanceLeads_AgreesWithTheCompleteReader()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "evaluation"), "*-leads.jsonl")
            .Append(Path.Combine(AppContext.BaseDirectory, "samples", "leads", "leads.jsonl"));
        var read = 0;
        foreach (var line in files.SelectMany(File.ReadLines))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            var complete = LeadJson.ReadComplete(bytes);
            var fast = LeadJsonFastReader.TryRead(bytes);
            if (fast is not null)
            {
                read++;
                Assert.True(complete.Success, line);
                Assert.Equal(Describe(complete.Lead!), Describe(fast));
            }
            else
            {
                Assert.True(!complete.Success || line.Contains("\\u", StringComparison.Ordinal), "the fast reader gave up on a plain valid lead: " + line);
            }
        }

        Assert.True(read > 500, $"only {read} leads took the fast path");
    }

    [Fact]
    public void FastReader_OnMutatedLines_NeverDisagrees()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "conformance", "evaluation", "standard-cadence-1-leads.jsonl"));
        var random = new Random(11);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(lines[i % lines.Length]);
            var flips = 1 + random.Next(3);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] = (byte)Alphabet[random.Next(Alphabet.Length)];
            }

            var fast = LeadJsonFastReader.TryRead(bytes);
            if (fast is not null)
            {
                var complete = LeadJson.ReadComplete(bytes);
                Assert.True(complete.Success, Encoding.UTF8.GetString(bytes));
                Assert.Equal(Describe(complete.Lead!), Describe(fast));
            }
        }
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"id\":\"b\"}")] // duplicate root key
    [InlineData("{\"id\":7}")] // numeric id: the complete reader accepts it as text
    [InlineData("{\"\\u0069d\":\"a\"}")] // escaped property name
    [InlineData("{\"id\":\"a\",\"attributes\":{\"x\":{\"y\":1}}}")] // an object attribute is an error
    public void FastReader_OnUnusualLines_GivesUp(string line) => Assert.Null(LeadJsonFastReader.TryRead(Encoding.UTF8.GetBytes(line)));

    private const string Alphabet = "{}[]\",:0123456789.-nulltrueZ+T ";

    private static string Describe(LeadSnapshot lead) => string.Join(
        "|",
        lead.Id,
        lead.MqlAt?.ToString() ?? "-",
        string.Join(",", lead.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value.Kind + ":" + a.Value)),
        string.Join(",", lead.Events.Select(e => e.Type + "@" + e.At)),
        string.Join(",", lead.Touches.Select(t => t.Channel + "@" + t.At + "/" + t.Outcome)),
        string.Join(",", lead.Paused.Intervals),
        lead.Disposition?.ToString() ?? "-",
        lead.Assigned?.ToString() ?? "-");
}
