using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Business-time arithmetic on a realistic calendar (New York, Monday–Friday 09:00–12:00 and 13:00–17:00, US federal
/// holidays) for short and long spans. Target: each operation ≤ 50 ns and 0 B, whatever the span.
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private BusinessCalendar _calendar = null!;
    private Instant _start;
    private Instant _end;
    private Duration _budget;
    private int _days;

    /// <summary>The span of each operation.</summary>
    public enum Span
    {
        /// <summary>1 business hour; between over 1 hour; add_days of 1 business day.</summary>
        OneHour,

        /// <summary>70 business hours; between over 14 days; add_days of 10.</summary>
        TenBusinessDays,

        /// <summary>8,750 business hours; between over 5 years; add_days of 1,255.</summary>
        FiveYears,
    }

    [Params(Span.OneHour, Span.TenBusinessDays, Span.FiveYears)]
    public Span Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _calendar = UsFederal();
        _start = Instant.FromUtc(2026, 11, 20, 15, 30);
        (_budget, _end, _days) = Length switch
        {
            Span.OneHour => (Duration.FromHours(1), _start + Duration.FromHours(1), 1),
            Span.TenBusinessDays => (Duration.FromHours(70), _start + Duration.FromDays(14), 10),
            _ => (Duration.FromHours(8750), _start + Duration.FromDays(5 * 365), 1255),
        };

        // Warm the lazy per-year tables for every year the benchmarks touch.
        _calendar.Between(Instant.FromUtc(2025, 1, 1, 0, 0), Instant.FromUtc(2034, 1, 1, 0, 0));
        _calendar.AddBusinessDays(Instant.FromUtc(2025, 1, 1, 0, 0), 2000);
        Add();
        Between();
        AddBusinessDays();
    }

    [Benchmark]
    public Instant Add() => _calendar.Add(_start, _budget);

    [Benchmark]
    public Duration Between() => _calendar.Between(_start, _end);

    [Benchmark]
    public Instant AddBusinessDays() => _calendar.AddBusinessDays(_start, _days);

    internal static BusinessCalendar UsFederal() =>
        new BusinessCalendarBuilder("us-sales", DateTimeZoneProviders.Tzdb["America/New_York"])
            .WithHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, OpenInterval.Parse("09:00-12:00"), OpenInterval.Parse("13:00-17:00"))
            .WithHoliday(Holiday.Yearly(1, 1, "New Year's Day", HolidayObservance.NearestWeekday))
            .WithHoliday(Holiday.NthWeekdayOfMonth(3, IsoDayOfWeek.Monday, 1, "Martin Luther King Jr. Day"))
            .WithHoliday(Holiday.NthWeekdayOfMonth(3, IsoDayOfWeek.Monday, 2, "Washington's Birthday"))
            .WithHoliday(Holiday.NthWeekdayOfMonth(-1, IsoDayOfWeek.Monday, 5, "Memorial Day"))
            .WithHoliday(Holiday.Yearly(6, 19, "Juneteenth", HolidayObservance.NearestWeekday))
            .WithHoliday(Holiday.Yearly(7, 4, "Independence Day", HolidayObservance.NearestWeekday))
            .WithHoliday(Holiday.NthWeekdayOfMonth(1, IsoDayOfWeek.Monday, 9, "Labor Day"))
            .WithHoliday(Holiday.NthWeekdayOfMonth(2, IsoDayOfWeek.Monday, 10, "Columbus Day"))
            .WithHoliday(Holiday.Yearly(11, 11, "Veterans Day", HolidayObservance.NearestWeekday))
            .WithHoliday(Holiday.NthWeekdayOfMonth(4, IsoDayOfWeek.Thursday, 11, "Thanksgiving"))
            .WithHoliday(Holiday.Yearly(12, 25, "Christmas Day", HolidayObservance.NearestWeekday))
            .Build();
}
