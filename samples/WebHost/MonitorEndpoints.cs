using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Diagnostics;
using SlaEngine.Evaluation;
using SlaEngine.Monitor;

namespace SlaEngine.Samples.WebHost;

/// <summary>
/// The monitor over HTTP:
/// <c>PUT /leads/{id}?policy=P</c> (a snapshot) → the evaluation now;
/// <c>POST /leads/{id}/touches|events|paused|disposition</c> (one item) → the evaluation now;
/// <c>GET /leads/{id}</c> → the evaluation now with the transitions ahead;
/// <c>GET /transitions?after=N&amp;limit=M</c> → the feed;
/// <c>GET /dead-letters</c>, <c>POST /dead-letters/{seq}/{sink}/replay</c>; <c>GET /health</c> (no key).
/// A bad body is a 400 with the located error, <c>{"id":…,"error":{"code":…,"message":…}}</c>; a body over 1 MiB a 413.
/// </summary>
internal static class MonitorEndpoints
{
    public static void MapMonitor(this WebApplication app)
    {
        app.MapHealthChecks("/health");

        app.MapPut("/leads/{id}", async (string id, string? policy, HttpRequest request, SlaMonitor monitor, CancellationToken cancel) =>
        {
            var body = await ReadBodyAsync(request);
            if (body.Error is { } tooLarge)
            {
                return tooLarge;
            }

            if (!TryReadLead(body.Bytes, out var lead, out var error))
            {
                return error;
            }

            if (lead.Id != id)
            {
                return ApiErrors.BadRequest("SLA1008", $"'id': the snapshot's id is '{lead.Id}', but the address names lead '{id}'", id);
            }

            return Answer(await monitor.UpsertAsync(policy, lead, cancel));
        });

        app.MapPost("/leads/{id}/touches", (string id, HttpRequest request, SlaMonitor monitor, CancellationToken cancel) =>
            AppendAsync(id, request, "touches", true, lead => monitor.AppendTouchAsync(id, lead.Touches[0], cancel)));
        app.MapPost("/leads/{id}/events", (string id, HttpRequest request, SlaMonitor monitor, CancellationToken cancel) =>
            AppendAsync(id, request, "events", true, lead => monitor.AppendEventAsync(id, lead.Events[0], cancel)));
        app.MapPost("/leads/{id}/paused", (string id, HttpRequest request, SlaMonitor monitor, CancellationToken cancel) =>
            AppendAsync(id, request, "paused", true, lead => monitor.AppendPauseAsync(id, lead.Paused.Intervals[0], cancel)));
        app.MapPost("/leads/{id}/disposition", (string id, HttpRequest request, SlaMonitor monitor, CancellationToken cancel) =>
            AppendAsync(id, request, "disposition", false, lead => monitor.SetDispositionAsync(id, lead.Disposition!, cancel)));

        app.MapGet("/leads/{id}", async (string id, SlaMonitor monitor, CancellationToken cancel) =>
        {
            var lead = await monitor.GetLeadAsync(id, cancel);
            if (lead is null)
            {
                return ApiErrors.NotFound($"no lead '{id}' is monitored");
            }

            var node = lead.Evaluation is { } evaluation
                ? JsonNode.Parse(EvaluationJson.Serialize(evaluation))!.AsObject()
                : new JsonObject { ["id"] = id, ["error"] = new JsonObject { ["code"] = lead.ProblemCode, ["message"] = lead.Problem } };
            node["sla_start"] = lead.SlaStart is { } start ? Format(start) : null;
            node["next_change_at"] = lead.NextChangeAt is { } next ? Format(next) : null;
            node["transitions"] = JsonNode.Parse(lead.TransitionsAheadJson());
            return Results.Text(node.ToJsonString(JsonOptions), "application/json");
        });

        app.MapGet("/transitions", async (HttpRequest request, SlaMonitor monitor, CancellationToken cancel) =>
        {
            if (!TryQueryNumber(request, "after", 0, 0, long.MaxValue, out var after, out var error)
                || !TryQueryNumber(request, "limit", 100, 1, 10_000, out var limit, out error))
            {
                return error;
            }

            var page = await monitor.ReadTransitionsAsync(after, (int)limit, cancel);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JsonOptions.Encoder }))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("items");
                foreach (var item in page.Items)
                {
                    item.WriteTo(writer);
                }

                writer.WriteEndArray();
                writer.WriteNumber("next", page.Next);
                writer.WriteEndObject();
            }

            return Results.Bytes(stream.ToArray(), "application/json");
        });

        app.MapGet("/dead-letters", async (SlaMonitor monitor, CancellationToken cancel) =>
        {
            var letters = await monitor.ListDeadLettersAsync(0, 1000, cancel);
            return Results.Json(letters.Select(d => new
            {
                d.Transition.Seq,
                Lead = d.Transition.LeadId,
                d.Transition.Key,
                d.Sink,
                d.Attempts,
                d.LastError,
                DiedAt = Format(d.DiedAt),
            }));
        });

        app.MapPost("/dead-letters/{seq:long}/{sink}/replay", async (long seq, string sink, SlaMonitor monitor, CancellationToken cancel) =>
            await monitor.ReplayDeadLetterAsync(seq, sink, cancel) ? Results.NoContent() : ApiErrors.NotFound($"no dead letter {seq} for sink '{sink}'"));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static async Task<IResult> AppendAsync(string id, HttpRequest request, string field, bool isArray, Func<LeadSnapshot, Task<MonitorWriteResult>> append)
    {
        var body = await ReadBodyAsync(request);
        if (body.Error is { } tooLarge)
        {
            return tooLarge;
        }

        // One lead reader: the item is read as the only item of a snapshot's field, so it is checked exactly as in a
        // snapshot; its errors are located relative to the body ('at', not 'touches[0].at').
        var item = body.Bytes;
        if (!IsOneJsonObject(item, out var syntax))
        {
            return ApiErrors.BadRequest(DiagnosticCodes.LeadMalformedJson, syntax, id);
        }

        var wrapped = new List<byte>(item.Length + 64);
        wrapped.AddRange(Encoding.UTF8.GetBytes($"{{\"id\":{JsonSerializer.Serialize(id)},\"{field}\":{(isArray ? "[" : "")}"));
        var offset = wrapped.Count;
        wrapped.AddRange(item);
        wrapped.AddRange(Encoding.UTF8.GetBytes(isArray ? "]}" : "}"));
        if (!TryReadLead(wrapped.ToArray(), out var lead, out _, field + (isArray ? "[0]" : ""), out var located, offset))
        {
            return located!;
        }

        return Answer(await append(lead));
    }

    private static bool IsOneJsonObject(byte[] body, out string error)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"the body must be a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}";
                return false;
            }

            error = "";
            return true;
        }
        catch (JsonException e)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}");
            return false;
        }
    }

    private static bool TryReadLead(byte[] body, out LeadSnapshot lead, out IResult error) =>
        TryReadLead(body, out lead, out error, null, out _);

    private static bool TryReadLead(byte[] body, out LeadSnapshot lead, out IResult error, string? prefix, out IResult? located, int offset = 0)
    {
        var read = LeadSnapshot.Parse(body);
        if (read.TryGetValue(out var value))
        {
            lead = value;
            error = located = null!;
            return true;
        }

        var problem = read.Error!;
        if (prefix is not null)
        {
            // Located relative to the body: 'at', not 'touches[0].at'.
            string Strip(string text) => text.Replace($"'{prefix}.", "'", StringComparison.Ordinal).Replace($"'{prefix}'", "'body'", StringComparison.Ordinal);
            problem = new LeadError(problem.Code, Strip(problem.Message))
            {
                Path = problem.Path is { } path ? (path == prefix ? "" : path.StartsWith(prefix + ".", StringComparison.Ordinal) ? path[(prefix.Length + 1)..] : path) : null,
                ByteOffset = problem.ByteOffset is { } at ? Math.Max(0, at - offset) : null,
                LeadId = problem.LeadId,
            };
        }

        lead = null!;
        error = located = ApiErrors.BadRequest(problem);
        return false;
    }

    private static IResult Answer(MonitorWriteResult result)
    {
        if (result.Success)
        {
            return Results.Text(EvaluationJson.Serialize(result.Evaluation!), "application/json");
        }

        if (result.Stored)
        {
            // Stored, but its policy is not loaded: the lead is kept and reported.
            return Results.Json(new { Id = result.LeadId, Error = new { Code = result.ErrorCode, Message = result.ErrorMessage } }, statusCode: StatusCodes.Status202Accepted);
        }

        return result.ErrorCode == MonitorErrorCodes.UnknownLead
            ? ApiErrors.NotFound(result.ErrorMessage!)
            : ApiErrors.BadRequest(result.ErrorCode!, result.ErrorMessage!, result.LeadId);
    }

    private static bool TryQueryNumber(HttpRequest request, string name, long fallback, long min, long max, out long value, out IResult error)
    {
        error = null!;
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        error = ApiErrors.BadRequest("SLA1009", string.Create(CultureInfo.InvariantCulture, $"query '{name}' is '{text}'; it must be a whole number from {min} to {max}"));
        return false;
    }

    private static async Task<(byte[] Bytes, IResult? Error)> ReadBodyAsync(HttpRequest request)
    {
        ReadOnlyMemory<byte>? body;
        try
        {
            body = await RequestBody.ReadAsync(request, MonitorHosting.MaxBodyBytes);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            body = null;   // Kestrel's body limit
        }

        return body is { } bytes
            ? (bytes.ToArray(), null)
            : ([], Results.Json(
                new { Error = new { Code = "SLA1010", Message = $"the body is larger than the limit of {MonitorHosting.MaxBodyBytes} bytes" } },
                statusCode: StatusCodes.Status413PayloadTooLarge));
    }
}
