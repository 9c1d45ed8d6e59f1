using System.Text;
using System.Text.Json;
using static SlaEngine.Tests.Cli.CliRunner;

namespace SlaEngine.Tests.Cli;

public sealed class EvaluateCommandTests
{
    [Fact]
    public void Evaluate_SampleLeads_OneLinePerInputLineInOrderAndExit3ForTheInvalidOnes()
    {
        var input = File.ReadAllLines(SampleLeads);

        var (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads);

        Assert.Equal(3, code);
        var output = Lines(stdout);
        Assert.Equal(input.Length, output.Length);
        var errors = new List<int>();
        for (var i = 0; i < input.Length; i++)
        {
            var line = JsonDocument.Parse(output[i]).RootElement;
            if (line.TryGetProperty("error", out var error))
            {
                Assert.Equal(i + 1, error.GetProperty("line").GetInt32());
                Assert.StartsWith("SLA07", error.GetProperty("code").GetString(), StringComparison.Ordinal);
                Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
                errors.Add(i + 1);
            }
            else
            {
                Assert.Equal(JsonDocument.Parse(input[i]).RootElement.GetProperty("id").GetString(), line.GetProperty("id").GetString());
            }
        }

        // The four deliberately invalid lines of samples/leads/README.md.
        Assert.Equal([297, 298, 299, 300], errors);
    }

    [Fact]
    public void Evaluate_StreamOutput_IsByteForByteTheTextOutput()
    {
        var text = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads);
        var stream = RunOnStream("evaluate", "--policy", RankBands, "--at", At, "--leads", SampleLeads);

        Assert.Equal(text.Code, stream.Code);
        Assert.Equal(text.Stdout, stream.Stdout);
    }

    [Fact]
    public void Evaluate_BadLineInTheMiddle_ExactlyOneErrorLineAndTheOthersUnchanged()
    {
        var valid = File.ReadAllLines(SampleLeads).Take(60).ToList();
        using var clean = new TempFile(valid);
        var withBad = valid.Take(30).Append("{\"id\":\"oops\",\"mql_at\":12}").Concat(valid.Skip(30)).ToList();
        using var dirty = new TempFile(withBad);

        var (cleanCode, cleanOut, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", clean.Path);
        var (dirtyCode, dirtyOut, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", dirty.Path);

        Assert.Equal(0, cleanCode);
        Assert.Equal(3, dirtyCode);
        var expected = Lines(cleanOut).ToList();
        var actual = Lines(dirtyOut).ToList();
        Assert.Equal(61, actual.Count);
        Assert.Equal(
            """{"id":"oops","error":{"code":"SLA0702","message":"'mql_at' must be an ISO-8601 instant string, not a number","line":31}}""",
            actual[30]);
        actual.RemoveAt(30);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("A\n\nB\n", 3, 2)] // a blank line is one (invalid) lead line
    [InlineData("A\nB\n{\"id\":\"cut\",\"mql_at\":\"2026-11", 3, 3)] // truncated last line: no newline, cut mid-string
    [InlineData("A\nB", 2, 0)] // the last line has no newline: still read
    [InlineData("A\r\nB\r\n", 2, 0)] // CRLF: the \r is not part of the line
    public void Evaluate_AwkwardLines_EachGivesExactlyOneLine(string template, int expectedLines, int errorLine)
    {
        var a = """{"id":"A","attributes":{"rank":90,"purchase_timeline":"now"},"mql_at":"2026-11-20T15:30:00Z"}""";
        var b = """{"id":"B","attributes":{"rank":10}}""";
        using var file = new TempFile(Encoding.UTF8.GetBytes(template.Replace("A", a, StringComparison.Ordinal).Replace("B", b, StringComparison.Ordinal)));

        var (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path);

        var lines = Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(expectedLines, lines.Count);
        Assert.Equal(errorLine == 0 ? 0 : 3, code);
        var errors = lines.Where(l => l.TryGetProperty("error", out _)).Select(l => l.GetProperty("error").GetProperty("line").GetInt32());
        Assert.Equal(errorLine == 0 ? [] : [errorLine], errors);
        Assert.Equal("A", lines[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Evaluate_InvalidUtf8_OneErrorLineForThatLine()
    {
        var good = Encoding.UTF8.GetBytes("""{"id":"A","attributes":{"rank":10}}""" + "\n");
        byte[] bad = [.. Encoding.UTF8.GetBytes("{\"id\":\"B"), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}\n")];
        using var file = new TempFile([.. good, .. bad, .. good]);

        var (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path);

        var lines = Lines(stdout);
        Assert.Equal(3, code);
        Assert.Equal(3, lines.Length);
        var error = JsonDocument.Parse(lines[1]).RootElement.GetProperty("error");
        Assert.Equal("SLA0701", error.GetProperty("code").GetString());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal(lines[0], lines[2]);
    }

    [Fact]
    public void Evaluate_ManyBatches_KeepsInputOrder()
    {
        // More lines than one batch (4096) and than one parallel chunk, so ordering across chunks and batches shows.
        var leads = Enumerable.Range(1, 9000).Select(i => "{\"id\":\"L" + i + "\",\"mql_at\":\"2026-11-20T15:30:00Z\",\"attributes\":{\"rank\":" + (i % 101) + ",\"pain_with_provider\":true}}");
        using var file = new TempFile(leads);

        var (code, stdout, _) = Run("evaluate", "--policy", RankBands, "--at", At, "--leads", file.Path);

        Assert.Equal(0, code);
        var ids = Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, 9000).Select(i => $"L{i}"), ids);
    }
}
