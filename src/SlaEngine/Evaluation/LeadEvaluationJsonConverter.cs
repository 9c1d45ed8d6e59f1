using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlaEngine.Evaluation;

/// <summary>
/// Lets <see cref="JsonSerializer"/> (and so ASP.NET Core's <c>Results.Json</c>/<c>Results.Ok</c>) write a
/// <see cref="LeadEvaluation"/> as exactly the JSON line of <c>slaengine evaluate</c>, through
/// <see cref="EvaluationJson.Write(Utf8JsonWriter, LeadEvaluation, EvaluationJsonOptions)"/>. Write-only: reading an
/// evaluation back is not supported. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new LeadEvaluationJsonConverter()));
/// app.MapPost("/evaluate", (…) => Results.Ok(policy.TryEvaluate(lead, at).Value));
/// </code>
/// </example>
public sealed class LeadEvaluationJsonConverter : JsonConverter<LeadEvaluation>
{
    private readonly EvaluationJsonOptions _options;

    /// <summary>Initializes a new instance of the <see cref="LeadEvaluationJsonConverter"/> class.</summary>
    /// <param name="options">What to write; default without the trace.</param>
    public LeadEvaluationJsonConverter(EvaluationJsonOptions? options = null)
    {
        _options = options ?? EvaluationJsonOptions.Default;
    }

    /// <summary>Not supported: evaluations are written, not read.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeToConvert">The type.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override LeadEvaluation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An evaluation is computed by SlaPolicy.Evaluate; it cannot be read from JSON.");

    /// <summary>Writes the evaluation as its JSON line.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The evaluation.</param>
    /// <param name="options">The serializer options (not used: the format is fixed).</param>
    public override void Write(Utf8JsonWriter writer, LeadEvaluation value, JsonSerializerOptions options) =>
        EvaluationJson.Write(writer, value, _options);
}
