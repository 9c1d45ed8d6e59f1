using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlaEngine.Evaluation;

/// <summary>
/// Lets <see cref="JsonSerializer"/> (and so ASP.NET Core's <c>Results.Json</c>) write a <see cref="LeadError"/> as
/// the error object of <c>slaengine evaluate</c>: <c>{"id":…,"error":{"code":…,"message":…}}</c>, through
/// <see cref="EvaluationJson.Write(Utf8JsonWriter, LeadError, long?)"/>. Write-only. Thread-safe.
/// </summary>
public sealed class LeadErrorJsonConverter : JsonConverter<LeadError>
{
    /// <summary>Not supported: errors are written, not read.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeToConvert">The type.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override LeadError Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A lead error is produced by SlaEngine; it cannot be read from JSON.");

    /// <summary>Writes the error object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The error.</param>
    /// <param name="options">The serializer options (not used: the format is fixed).</param>
    public override void Write(Utf8JsonWriter writer, LeadError value, JsonSerializerOptions options) =>
        EvaluationJson.Write(writer, value);
}
