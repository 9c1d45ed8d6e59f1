using System.Text.Json;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;

namespace SlaEngine.Fuzz.Targets;

/// <summary>
/// A <c>slaengine calendar</c> op line (<c>{"op":"add","from":T,"duration":D}</c>, …). The tool decodes op lines
/// itself; this target decodes them the same way from the public pieces (<c>InstantText.TryParse</c>,
/// <c>SlaDuration.TryParse</c>) and runs each op on every calendar of the samples and three conformance calendars
/// (Lord Howe's 30-minute DST, Chatham, overnight hours). The contract: the business-time laws hold for whatever
/// instants and amounts the line carries (add moves forward and gives the business time back, subtract moves back,
/// between is antisymmetric and at most the elapsed time, next_open is open, add_days grows with N), the same op gives
/// the same answer twice, and the only exception is the documented one for instants outside 1700–2499.
/// </summary>
public static class CalendarOpTarget
{
    private static readonly Instant Low = NodaTime.Instant.FromUtc(1701, 1, 1, 0, 0);
    private static readonly Instant High = NodaTime.Instant.FromUtc(2499, 1, 1, 0, 0);

    public static void Run(ReadOnlySpan<byte> input)
    {
        if (!System.Text.Unicode.Utf8.IsValid(input))
        {
            return; // the tool answers SLA0801: strings in the op cannot be read
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return; // the tool answers SLA0801 "not a valid JSON object"
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || String(document.RootElement, "op") is not { } op)
            {
                return;
            }

            foreach (var calendar in FuzzInputs.Calendars)
            {
                var first = Answer(calendar, op, document.RootElement);
                if (first is not null)
                {
                    Contract.Deterministic(first, Answer(calendar, op, document.RootElement)!, $"{op} on {calendar.Name}");
                }
            }
        }
    }

    /// <summary>Runs one op and checks its laws; null when the line is not a valid op (the tool's SLA0801).</summary>
    private static string? Answer(BusinessCalendar calendar, string op, JsonElement line)
    {
        switch (op)
        {
            case "add" or "subtract" when ReadInstant(line, "from") is { } from && String(line, "duration") is { } text && SlaDuration.TryParse(text, out var duration):
                return Guard(from, duration.Amount, () =>
                {
                    var forward = op == "add";
                    var result = forward ? calendar.Add(from, duration) : calendar.Subtract(from, duration);
                    if (!forward && duration.IsBusinessDays && duration.Amount == 0)
                    {
                        // Documented: subtracting 0 business days is the next opening.
                        Contract.Assert(result == calendar.NextOpen(from), $"{calendar.Name}: subtract {duration} from {from} gave {result}, not next_open");
                    }
                    else
                    {
                        Contract.Assert(forward ? result >= from : result <= from, $"{calendar.Name}: {op} {duration} from {from} gave {result}");
                    }

                    if (duration.IsBusiness && duration.IsFixedLength)
                    {
                        var measured = forward ? calendar.Between(from, result) : calendar.Between(result, from);
                        Contract.Assert(measured == duration.FixedLength, $"{calendar.Name}: {op} {duration} from {from} gave {result}, {measured} of business time apart");
                    }

                    return EvaluationJson.FormatInstant(result);
                });
            case "add_days" when ReadInstant(line, "from") is { } from && line.TryGetProperty("days", out var daysElement) && daysElement.ValueKind == JsonValueKind.Number && daysElement.TryGetInt32(out var days) && days >= 0:
                return Guard(from, days, () =>
                {
                    var result = calendar.AddBusinessDays(from, days);
                    Contract.Assert(days == 0 ? result >= from : result > from, $"{calendar.Name}: add_days {days} from {from} gave {result}");
                    if (days < 100_000)
                    {
                        var next = calendar.AddBusinessDays(from, days + 1);
                        // N = 0 after the day's last close is the next business date's close, as N = 1 is.
                        Contract.Assert(days == 0 ? next >= result : next > result, $"{calendar.Name}: add_days {days + 1} from {from} gave {next}, before add_days {days} = {result}");
                    }

                    return EvaluationJson.FormatInstant(result);
                });
            case "between" when ReadInstant(line, "from") is { } from && ReadInstant(line, "to") is { } to:
                return Guard(from, 0, () =>
                {
                    if (to < Low || to >= High)
                    {
                        throw new ArgumentOutOfRangeException("instant");
                    }

                    var forward = calendar.Between(from, to);
                    var backward = calendar.Between(to, from);
                    Contract.Assert(forward == -backward, $"{calendar.Name}: between({from}, {to}) = {forward} but between({to}, {from}) = {backward}");
                    Contract.Assert(from <= to ? forward >= Duration.Zero && forward <= to - from : forward <= Duration.Zero, $"{calendar.Name}: between({from}, {to}) = {forward}");
                    return ((long)Math.Floor(forward.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                });
            case "is_open" or "next_open" when ReadInstant(line, "at") is { } at:
                return Guard(at, 0, () =>
                {
                    var open = calendar.IsOpen(at);
                    var next = calendar.NextOpen(at);
                    Contract.Assert(next >= at && open == (next == at), $"{calendar.Name}: is_open({at}) = {open}, next_open = {next}");
                    Contract.Assert(calendar.IsOpen(next), $"{calendar.Name}: next_open({at}) = {next} is not open");
                    return open + " " + EvaluationJson.FormatInstant(next);
                });
            default:
                return null;
        }
    }

    /// <summary>Runs an op; the documented out-of-range exception is allowed only where an instant or an amount can reach it.</summary>
    private static string Guard(Instant from, long amount, Func<string> op)
    {
        try
        {
            return op();
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "instant" && (from < Low || from >= High || amount >= 10_000))
        {
            return "out of range";
        }
    }

    private static string? String(JsonElement op, string name) =>
        op.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Instant? ReadInstant(JsonElement op, string name) =>
        String(op, name) is { } text && InstantText.TryParse(text, out var instant) ? instant : null;
}
