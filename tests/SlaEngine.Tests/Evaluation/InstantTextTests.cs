using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Evaluation;

/// <summary>The canonical instant text, read and written without NodaTime's patterns, agrees with them.</summary>
public sealed class InstantTextTests
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_PROPERTY_RUNS"), out var n) ? n : 5000;

    private static readonly Instant First = Instant.FromUtc(1, 1, 1, 0, 0);
    private static readonly Instant Last = Instant.FromUtc(9999, 12, 31, 23, 59, 59);

    [Fact]
    public void TryFormatCanonicalUtc_WritesWhatNodaTimeWrites_ForWholeSecondsInYears1To9999()
    {
        var span = (Last - First).TotalSeconds;
        var whole = from fraction in Gen.Choose(0, int.MaxValue) select First + Duration.FromSeconds(Math.Floor(fraction / (double)int.MaxValue * span));
        var near = from days in Gen.Choose(-800_000, 800_000) from second in Gen.Choose(-2, 86_401) select Instant.FromUnixTimeSeconds((days * 86400L) + second);
        var odd = from second in whole from nanos in Gen.Choose(1, 999_999_999) select second + Duration.FromNanoseconds(nanos);
        var edges = Gen.Elements(First, Last, First - Duration.FromSeconds(1), First - Duration.Epsilon, Last + Duration.Epsilon, Instant.MinValue, Instant.MaxValue, Instant.FromUnixTimeSeconds(0), Instant.FromUnixTimeSeconds(-1));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), Prop.ForAll(Gen.OneOf(whole, near, odd, edges).ToArbitrary(), instant =>
        {
            Span<byte> utf8 = stackalloc byte[20];
            var written = InstantText.TryFormatCanonicalUtc(instant, utf8);
            var expected = instant >= First && instant <= Last && instant.ToUnixTimeTicks() % NodaConstants.TicksPerSecond == 0 && Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks()) == instant;
            Assert.Equal(expected, written);
            if (written)
            {
                Assert.Equal(InstantPattern.ExtendedIso.Format(instant), Encoding.ASCII.GetString(utf8));
            }
        }));
    }

    [Fact]
    public void TryParseCanonicalUtc_ReadsWhatNodaTimeReads()
    {
        var text = from year in Gen.OneOf(Gen.Choose(0, 9999), Gen.Choose(1999, 2101))
                   from month in Gen.Choose(0, 13)
                   from day in Gen.Choose(0, 32)
                   from hour in Gen.Choose(0, 24)
                   from minute in Gen.Choose(0, 60)
                   from second in Gen.Choose(0, 60)
                   select string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}Z");
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), Prop.ForAll(text.ToArbitrary(), value =>
        {
            // Year 0 is NodaTime's too, but not the fast path's (it goes through NodaTime's pattern instead).
            var expected = InstantPattern.ExtendedIso.Parse(value);
            var parsed = InstantText.TryParseCanonicalUtc(Encoding.ASCII.GetBytes(value), out var instant);
            Assert.Equal(expected.Success && !value.StartsWith("0000", StringComparison.Ordinal), parsed);
            if (parsed)
            {
                Assert.Equal(expected.Value, instant);
            }
        }));
    }
}
