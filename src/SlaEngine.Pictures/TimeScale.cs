using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace SlaEngine.Pictures;

/// <summary>A linear time axis from <see cref="Start"/> to <see cref="End"/> over a pixel range, with ticks in a zone.</summary>
internal sealed class TimeScale
{
    private static readonly LocalDateTimePattern HourMinute = LocalDateTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDateTimePattern DayMonth = LocalDateTimePattern.CreateWithInvariantCulture("ddd d MMM");
    private static readonly LocalDateTimePattern ShortDayMonth = LocalDateTimePattern.CreateWithInvariantCulture("d MMM");
    private static readonly LocalDateTimePattern MonthYear = LocalDateTimePattern.CreateWithInvariantCulture("MMM uuuu");

    /// <summary>Tick steps from a quarter of an hour to a year, smallest first.</summary>
    private static readonly TickStep[] Steps =
    [
        new(TickUnit.Minute, 15), new(TickUnit.Minute, 30), new(TickUnit.Hour, 1), new(TickUnit.Hour, 2),
        new(TickUnit.Hour, 3), new(TickUnit.Hour, 6), new(TickUnit.Hour, 12), new(TickUnit.Day, 1),
        new(TickUnit.Day, 2), new(TickUnit.Week, 1), new(TickUnit.Week, 2), new(TickUnit.Month, 1),
        new(TickUnit.Month, 3), new(TickUnit.Month, 6), new(TickUnit.Year, 1),
    ];

    internal TimeScale(Instant start, Instant end, double left, double right, DateTimeZone zone)
    {
        Start = start;
        End = end > start ? end : start + Duration.FromHours(1);
        Left = left;
        Right = right;
        Zone = zone;
    }

    internal Instant Start { get; }

    internal Instant End { get; }

    internal double Left { get; }

    internal double Right { get; }

    internal DateTimeZone Zone { get; }

    internal double X(Instant instant)
    {
        var fraction = (instant - Start).TotalSeconds / (End - Start).TotalSeconds;
        return Left + (fraction * (Right - Left));
    }

    /// <summary>The pixel x of an instant, held inside the axis.</summary>
    internal double ClampedX(Instant instant) => Math.Clamp(X(instant), Left, Right);

    internal bool Contains(Instant instant) => instant >= Start && instant <= End;

    /// <summary>The local dates the axis touches, first to last.</summary>
    internal IEnumerable<LocalDate> Dates()
    {
        var last = End.InZone(Zone).Date;
        for (var date = Start.InZone(Zone).Date; date <= last; date = date.PlusDays(1))
        {
            yield return date;
        }
    }

    /// <summary>The start of a local date as an instant (lenient across a DST gap at midnight).</summary>
    internal Instant StartOf(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();

    /// <summary>
    /// Ticks at the smallest step that leaves at least <paramref name="minSpacing"/> pixels between ticks, aligned in
    /// local time (hours on the hour, days at midnight, weeks on Mondays, months on the 1st).
    /// </summary>
    internal IReadOnlyList<Tick> Ticks(double minSpacing)
    {
        var seconds = (End - Start).TotalSeconds;
        var maxTicks = Math.Max(2, (Right - Left) / minSpacing);
        var step = Steps[^1];
        foreach (var candidate in Steps)
        {
            if (seconds / candidate.ApproximateSeconds <= maxTicks)
            {
                step = candidate;
                break;
            }
        }

        var ticks = new List<Tick>();
        var local = Align(Start.InZone(Zone).LocalDateTime, step);
        var previousDate = default(LocalDate?);
        for (var guard = 0; guard < 1000; guard++)
        {
            var instant = Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();
            if (instant > End)
            {
                break;
            }

            if (instant >= Start && (ticks.Count == 0 || instant > ticks[^1].At))
            {
                var zoned = instant.InZone(Zone).LocalDateTime;
                var newDay = previousDate != zoned.Date;
                ticks.Add(new Tick(instant, Label(zoned, step), step.Unit <= TickUnit.Hour && newDay ? DayMonth.Format(zoned) : null, step.Unit <= TickUnit.Hour ? zoned.TimeOfDay == LocalTime.Midnight : IsMajor(zoned, step)));
                previousDate = zoned.Date;
            }

            local = Next(local, step);
        }

        return ticks;
    }

    private static string Label(LocalDateTime local, TickStep step) => step.Unit switch
    {
        TickUnit.Minute or TickUnit.Hour => HourMinute.Format(local),
        TickUnit.Day => DayMonth.Format(local),
        TickUnit.Week => ShortDayMonth.Format(local),
        _ => MonthYear.Format(local),
    };

    private static bool IsMajor(LocalDateTime local, TickStep step) => step.Unit switch
    {
        TickUnit.Day or TickUnit.Week => local.Day == 1,
        TickUnit.Month => local.Month == 1,
        _ => false,
    };

    private static LocalDateTime Align(LocalDateTime local, TickStep step) => step.Unit switch
    {
        TickUnit.Minute => local.Date.At(new LocalTime(local.Hour, local.Minute / step.Count * step.Count)),
        TickUnit.Hour => local.Date.At(new LocalTime(local.Hour / step.Count * step.Count, 0)),
        TickUnit.Day => local.Date.AtMidnight(),
        TickUnit.Week => local.Date.PlusDays(-((int)local.Date.DayOfWeek - 1)).AtMidnight(),
        TickUnit.Month => new LocalDate(local.Year, ((local.Month - 1) / step.Count * step.Count) + 1, 1).AtMidnight(),
        _ => new LocalDate(local.Year, 1, 1).AtMidnight(),
    };

    private static LocalDateTime Next(LocalDateTime local, TickStep step)
    {
        var next = step.Unit switch
        {
            TickUnit.Minute => local.PlusMinutes(step.Count),
            TickUnit.Hour => local.PlusHours(step.Count),
            TickUnit.Day => local.PlusDays(step.Count),
            TickUnit.Week => local.PlusWeeks(step.Count),
            TickUnit.Month => local.PlusMonths(step.Count),
            _ => local.PlusYears(step.Count),
        };

        // Hour steps restart at midnight each day so that ticks stay on round local hours across DST changes.
        return step.Unit <= TickUnit.Hour && next.Date != local.Date ? next.Date.AtMidnight() : next;
    }

    private enum TickUnit
    {
        Minute,
        Hour,
        Day,
        Week,
        Month,
        Year,
    }

    private readonly record struct TickStep(TickUnit Unit, int Count)
    {
        public double ApproximateSeconds => Unit switch
        {
            TickUnit.Minute => Count * 60.0,
            TickUnit.Hour => Count * 3600.0,
            TickUnit.Day => Count * 86400.0,
            TickUnit.Week => Count * 7 * 86400.0,
            TickUnit.Month => Count * 30.44 * 86400.0,
            _ => Count * 365.25 * 86400.0,
        };
    }
}

/// <summary>One tick of a <see cref="TimeScale"/>: its instant, its label, an optional date line, and whether it is a major line.</summary>
internal sealed record Tick(Instant At, string Label, string? DateLabel, bool Major);
