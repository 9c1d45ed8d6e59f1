using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Diagnostics;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine calendar --policy P --calendar C --ops FILE|- [--zone Z]</c>: batch calendar math, JSONL in and out.</summary>
internal static class CalendarCommand
{
    /// <summary>Defines the command.</summary>
    internal static Command Create(CliContext context)
    {
        var policy = CliOptions.Policy();
        var calendar = CliOptions.Required(new Option<string>("--calendar") { Description = "The name of a calendar of the policy.", HelpName = "NAME" }, "us-sales");
        var ops = CliOptions.Required(new Option<string>("--ops") { Description = "The ops, one JSON object per line; - reads standard input.", HelpName = "FILE|-" }, "ops.jsonl");
        var zone = CliOptions.Zone("Print result instants in this zone: utc (default), calendar (the calendar's zone, with its offset) or an IANA id.");
        var command = new Command("calendar", "Batch calendar math: JSONL ops in, JSONL answers out.") { policy, calendar, ops, zone };
        command.SetAction(result => Run(command, result.GetValue(policy)!, result.GetValue(calendar)!, result.GetValue(ops)!, result.GetValue(zone)!, context));
        return command.WithHelp(
            """
            Streams calendar operations, one JSON object per line, and answers each on one line with "line" echoed
            (1-based input line). An invalid op gets {"line":N,"error":{"code":…,"message":…}}; the rest still run
            and the exit code is 3. Instants in ops may carry Z or any offset; results are UTC unless --zone is given.

            Ops:
              {"op":"add","from":T,"duration":"4 business hours"}   -> {"result":T}   (any duration: business/elapsed/days)
              {"op":"subtract","from":T,"duration":D}              -> {"result":T}
              {"op":"add_days","from":T,"days":N}                  -> {"result":T}
              {"op":"between","from":T,"to":T}                     -> {"seconds":N}
              {"op":"is_open","at":T}                              -> {"open":bool}
              {"op":"next_open","at":T}                            -> {"result":T}
            """,
            "echo '{\"op\":\"add\",\"from\":\"2026-11-20T15:30:00Z\",\"duration\":\"2 business hours\"}' \\\n  | slaengine calendar --policy samples/policies/rank-bands.yaml --calendar us-sales --ops -",
            "slaengine calendar --policy samples/policies/rank-bands.yaml --calendar us-sales --ops ops.jsonl --zone calendar");
    }

    private static int Run(Command command, string policyPath, string calendarName, string opsPath, TimeZoneChoice zone, CliContext context)
    {
        var stdout = context.Out;
        var policy = PolicyFiles.Load(policyPath, context.Error);
        if (policy is null)
        {
            return Program.ExitFailure;
        }

        if (!policy.TryGetCalendar(calendarName, out var calendar))
        {
            return Program.UsageError(context, command, $"--calendar '{calendarName}' is not defined in {policyPath}; it defines: {string.Join(", ", policy.Calendars.Select(c => c.Name))}.");
        }

        var shownZone = zone.Resolve(calendar.Zone);
        using var source = LineSource.Open(opsPath);
        var buffer = new ArrayBufferWriter<byte>(256);
        var invalid = false;
        var number = 0;
        while (source.ReadLine() is { } bytes)
        {
            number++;
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, EvaluationJson.WriterOptions))
            {
                invalid |= !Answer(calendar, bytes, number, writer, shownZone);
            }

            stdout.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        return invalid ? Program.ExitInvalidInput : Program.ExitOk;
    }

    /// <summary>Answers one op; returns false when the op was invalid.</summary>
    internal static bool Answer(BusinessCalendar calendar, byte[] bytes, int number, Utf8JsonWriter writer, DateTimeZone? zone = null)
    {
        writer.WriteStartObject();
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            var op = document.RootElement;
            if (op.ValueKind != JsonValueKind.Object)
            {
                throw new OpException("an op must be a JSON object");
            }

            switch (String(op, "op"))
            {
                case "add":
                    writer.WriteString("result", TimeZoneChoice.Format(calendar.Add(Instant(op, "from"), Duration(op)), zone));
                    break;
                case "subtract":
                    writer.WriteString("result", TimeZoneChoice.Format(calendar.Subtract(Instant(op, "from"), Duration(op)), zone));
                    break;
                case "add_days":
                    writer.WriteString("result", TimeZoneChoice.Format(calendar.AddBusinessDays(Instant(op, "from"), Days(op)), zone));
                    break;
                case "between":
                    writer.WriteNumber("seconds", (long)Math.Floor(calendar.Between(Instant(op, "from"), Instant(op, "to")).TotalSeconds));
                    break;
                case "is_open":
                    writer.WriteBoolean("open", calendar.IsOpen(Instant(op, "at")));
                    break;
                case "next_open":
                    writer.WriteString("result", TimeZoneChoice.Format(calendar.NextOpen(Instant(op, "at")), zone));
                    break;
                case var other:
                    throw new OpException($"unknown op '{other}'; expected add, subtract, add_days, between, is_open or next_open");
            }

            writer.WriteNumber("line", number);
            writer.WriteEndObject();
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            writer.Reset();
            writer.WriteStartObject();
            writer.WriteNumber("line", number);
            writer.WriteStartObject("error");
            writer.WriteString("code", DiagnosticCodes.InvalidCalendarOp);
            writer.WriteString("message", e switch
            {
                OpException op => op.Text,
                JsonException json => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"not a valid JSON object (column {(json.BytePositionInLine ?? 0) + 1})"),
                ArgumentOutOfRangeException => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the result falls outside the years business time supports ({BusinessCalendar.MinYear}–{BusinessCalendar.MaxYear})"),
                _ => $"the op failed unexpectedly ({e.GetType().Name}); please report it with the op",
            });
            writer.WriteEndObject();
            writer.WriteEndObject();
            return false;
        }
    }

    private static string String(JsonElement op, string name) =>
        op.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new OpException($"'{name}' is required and must be a string");

    private static Instant Instant(JsonElement op, string name)
    {
        var text = String(op, name);
        return InstantText.TryParse(text, out var instant)
            ? instant
            : throw new OpException($"'{name}' is '{text}'; expected an ISO-8601 instant like 2026-11-20T15:30:00Z");
    }

    private static SlaDuration Duration(JsonElement op)
    {
        var text = String(op, "duration");
        return SlaDuration.TryParse(text, out var duration)
            ? duration
            : throw new OpException($"'duration' is '{text}'; expected N [business] minutes|hours|days|weeks");
    }

    private static int Days(JsonElement op) =>
        op.TryGetProperty("days", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var days) && days >= 0
            ? days
            : throw new OpException("'days' is required and must be a non-negative integer");

    /// <summary>An invalid op; <see cref="Text"/> is the message written on its error line.</summary>
    private sealed class OpException(string text) : Exception(text)
    {
        public string Text { get; } = text;
    }
}
