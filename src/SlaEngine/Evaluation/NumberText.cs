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
        var hundredths = Math.Round(value * 100);
        if (!(Math.Abs(value) < FastLimit) || hundredths / 100 != value || (value == 0 && double.IsNegative(value)))
        {
            return value.TryFormat(destination, out var written, "0.##", CultureInfo.InvariantCulture) ? written : throw new ArgumentException("The destination is too short.", nameof(destination));
        }

        var n = (long)Math.Abs(hundredths);
        var length = 0;
        if (hundredths < 0)
        {
            destination[length++] = '-';
        }

        var whole = n / 100;
        var fraction = (int)(n % 100);
        whole.TryFormat(destination[length..], out var digits, default, CultureInfo.InvariantCulture);
        length += digits;
        if (fraction != 0)
        {
            destination[length++] = '.';
            destination[length++] = (char)('0' + (fraction / 10));
            if (fraction % 10 != 0)
            {
                destination[length++] = (char)('0' + (fraction % 10));
            }
        }

        return length;
    }
}
