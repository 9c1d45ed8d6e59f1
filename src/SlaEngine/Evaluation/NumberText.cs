using System.Globalization;

namespace SlaEngine.Evaluation;

/// <summary>
/// Numbers as the reasons and the trace print them (<c>0.##</c>, invariant culture), written into a span: a value that
/// is already a whole number of hundredths (every score is) is printed digit by digit, anything else by the runtime.
/// </summary>
internal static class NumberText
{
    /// <summary>Large enough for any value in <c>0.##</c> form.</summary>
    internal const int MaxLength = 352;

    private const double FastLimit = 1e12;

    /// <summary>Formats <paramref name="value"/> as <c>value.ToString("0.##", CultureInfo.InvariantCulture)</c> does.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> characters.</param>
    /// <returns>The characters written.</returns>
    internal static int Format(double value, Span<char> destination)
    {
        Span<byte> utf8 = stackalloc byte[24];
        if (!TryFormatHundredths(value, utf8, out var length))
        {
            return value.TryFormat(destination, out var written, "0.##", CultureInfo.InvariantCulture) ? written : throw new ArgumentException("The destination is too short.", nameof(destination));
        }

        for (var i = 0; i < length; i++)
        {
            destination[i] = (char)utf8[i];
        }

        return length;
    }

    /// <summary>
    /// Writes a value that is a whole number of hundredths below 10^12 in magnitude (every score) as UTF-8, in the
    /// shortest text that reads back as the same double (what a JSON writer prints for it); false for any other value.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">At least 24 bytes.</param>
    /// <param name="written">The bytes written.</param>
    /// <returns>Whether the value was written.</returns>
    internal static bool TryFormatHundredths(double value, Span<byte> destination, out int written)
    {
        var hundredths = Math.Round(value * 100);
        if (!(Math.Abs(value) < FastLimit) || hundredths / 100 != value || (value == 0 && double.IsNegative(value)))
        {
            written = 0;
            return false;
        }

        var n = (long)Math.Abs(hundredths);
        var length = 0;
        if (hundredths < 0)
        {
            destination[length++] = (byte)'-';
        }

        (n / 100).TryFormat(destination[length..], out var digits, default, CultureInfo.InvariantCulture);
        length += digits;
        var fraction = (int)(n % 100);
        if (fraction != 0)
        {
            destination[length++] = (byte)'.';
            destination[length++] = (byte)('0' + (fraction / 10));
            if (fraction % 10 != 0)
            {
                destination[length++] = (byte)('0' + (fraction % 10));
            }
        }

        written = length;
        return true;
    }
}
