using System.Buffers;
using System.Text;
using System.Text.Json;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Evaluation;

/// <summary>The public JSON writer: one evaluation line, error lines, and the converters a minimal API uses.</summary>
public sealed class EvaluationJsonTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    private static LeadEvaluation Sample() => TestPolicies.Sample("rank-bands.yaml").Evaluate(
        LeadSnapshot.Parse("""{"id":"J","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"purchase_timeline":"now"}}""").Value, At);

    [Fact]
    public void Converter_WritesExactlyTheEvaluateLine()
    {
        var evaluation = Sample();
        var options = new JsonSerializerOptions { Converters = { new LeadEvaluationJsonConverter() } };

        Assert.Equal(EvaluationJson.Serialize(evaluation), JsonSerializer.Serialize(evaluation, options).Replace("\\u003E", ">", StringComparison.Ordinal));
        var withTrace = new JsonSerializerOptions { Converters = { new LeadEvaluationJsonConverter(EvaluationJsonOptions.WithTrace) } };
        Assert.Contains("\"trace\":[", JsonSerializer.Serialize(evaluation, withTrace), StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<LeadEvaluation>("{}", options));
    }

    [Fact]
    public void SerializeToUtf8Bytes_IsTheLineInUtf8()
    {
        var evaluation = Sample();

        Assert.Equal(EvaluationJson.Serialize(evaluation, includeTrace: true), Encoding.UTF8.GetString(EvaluationJson.SerializeToUtf8Bytes(evaluation, EvaluationJsonOptions.WithTrace)));
        Assert.StartsWith("""{"id":"J","policy":"lattice-predictive","version":3,"status":"mql",""", EvaluationJson.Serialize(evaluation), StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorLine_HasIdCodeMessageAndLine()
    {
        var error = LeadSnapshot.Parse("""{"id":"E","mql_at":"soon"}""").Error!;

        Assert.Equal("""{"id":"E","error":{"code":"SLA0703","message":"'mql_at' is 'soon'; expected an ISO-8601 instant with Z or an offset, like 2026-11-20T15:30:00Z","line":7}}""", EvaluationJson.Serialize(error, 7));
        Assert.Equal("""{"id":null,"error":{"code":"SLA0701","message":"empty line: expected a lead object"}}""", EvaluationJson.Serialize(LeadSnapshot.Parse(" ").Error!));
        var options = new JsonSerializerOptions { Converters = { new LeadErrorJsonConverter() } };
        Assert.StartsWith("""{"id":"E","error":{"code":"SLA0703",""", JsonSerializer.Serialize(error, options), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Result_AnswersEitherWay()
    {
        var policy = TestPolicies.Sample("rank-bands.yaml");
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, EvaluationJson.WriterOptions))
        {
            EvaluationJson.Write(writer, policy.TryEvaluate(LeadSnapshot.Parse("""{"id":"P","assigned":{"tier":"diamond"}}""").Value, At), null, line: 4);
        }

        Assert.StartsWith("""{"id":"P","error":{"code":"SLA0705","message":"'assigned.tier' is 'diamond'""", Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
        Assert.EndsWith("\"line\":4}}", Encoding.UTF8.GetString(buffer.WrittenSpan), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-20T15:30:00Z", "2026-11-20T15:30:00Z")]
    [InlineData("2026-11-20T10:30:00-05:00", "2026-11-20T15:30:00Z")] // an offset
    [InlineData("2026-11-20T15:30:00.25Z", "2026-11-20T15:30:00.25Z")] // fractional seconds only when not zero
    public void InstantText_ParsesAndFormats(string text, string formatted)
    {
        Assert.True(InstantText.TryParse(text, out var instant));
        Assert.True(InstantText.TryParse(Encoding.UTF8.GetBytes(text), out var fromBytes));
        Assert.Equal(instant, fromBytes);
        Assert.Equal(formatted, InstantText.Format(instant));
    }

    [Theory]
    [InlineData("2026-11-20T15:30:00")] // no offset: a local time
    [InlineData("2026-11-20")] // a date
    [InlineData("2026-11-20T15:30:00Z\u0000")] // NUL: NodaTime's parser would stop there and accept the rest
    [InlineData("")]
    [InlineData(null)]
    public void InstantText_RefusesWhatIsNotAnInstant(string? text) => Assert.False(InstantText.TryParse(text, out _));
}
