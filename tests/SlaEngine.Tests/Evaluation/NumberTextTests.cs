using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Evaluation;

/// <summary>The reasons' number printing agrees with <c>ToString("0.##")</c> for every double, on and off its fast path.</summary>
public sealed class NumberTextTests
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_PROPERTY_RUNS"), out var n) ? n : 2000;

    [Theory]
    [InlineData(0.0)]
    [InlineData(50.0)]
    [InlineData(52.35)]
    [InlineData(-12.5)]
    [InlineData(0.01)]
    [InlineData(-0.01)]
    [InlineData(0.005)]
    [InlineData(1e12)]
    [InlineData(-999999999999.99)]
    [InlineData(123.456)]
    [InlineData(1e300)]
    [InlineData(double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Format_AgreesWithTheRuntime(double value) => Assert.Equal(Expected(value), Actual(value));

    [Fact]
    public void Format_PrintsNegativeZeroAsTheRuntimeDoes() => Assert.Equal(Expected(-0.0), Actual(-0.0));

    [Fact]
    public void Format_AgreesWithTheRuntime_ForScoresRoundedToHundredths()
    {
        var gen = from cents in Gen.Choose(int.MinValue, int.MaxValue)
                  from scale in Gen.Elements(1.0, 1.0, 1000.0, 1e-3)
                  select Math.Round(cents / 100.0 * scale, 2, MidpointRounding.AwayFromZero);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), Prop.ForAll(gen.ToArbitrary(), value => Expected(value) == Actual(value)));
    }

    [Fact]
    public void Format_AgreesWithTheRuntime_ForAnyDouble()
    {
        var gen = from bits in ArbMap.Default.GeneratorFor<long>() select BitConverter.Int64BitsToDouble(bits);
        var decimals = from whole in Gen.Choose(-100000, 100000) from fraction in Gen.Choose(0, 99999) select whole + (fraction / 100000.0);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), Prop.ForAll(Gen.OneOf(gen, decimals).ToArbitrary(), value => Expected(value) == Actual(value)));
    }

    [Fact]
    public void TryFormatHundredths_WritesWhatTheJsonWriterWrites()
    {
        var hundredths = from cents in Gen.Choose(int.MinValue, int.MaxValue)
                         from scale in Gen.Elements(1.0, 1000.0, 1e-3, 1e-6)
                         select Math.Round(cents / 100.0 * scale, 2, MidpointRounding.AwayFromZero);
        var any = from bits in ArbMap.Default.GeneratorFor<long>() select BitConverter.Int64BitsToDouble(bits);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), Prop.ForAll(Gen.OneOf(hundredths, hundredths, any).ToArbitrary(), value =>
        {
            Span<byte> utf8 = stackalloc byte[24];
            if (!NumberText.TryFormatHundredths(value, utf8, out var length))
            {
                return !double.IsFinite(value) || Math.Abs(value) >= 1e12 || Math.Round(value, 2) != value || value == 0;
            }

            if (!double.IsFinite(value))
            {
                return false;
            }

            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                writer.WriteNumberValue(value);
            }

            return buffer.WrittenSpan.SequenceEqual(utf8[..length]);
        }));
    }

    private static string Expected(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Actual(double value)
    {
        Span<char> buffer = stackalloc char[NumberText.MaxLength];
        return new string(buffer[..NumberText.Format(value, buffer)]);
    }
}
