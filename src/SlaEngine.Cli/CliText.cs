using System.Globalization;

namespace SlaEngine.Cli;

/// <summary>Text helpers shared by the commands.</summary>
internal static class CliText
{
    /// <summary>Formats with the invariant culture.</summary>
    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Edit distance for "did you mean" hints (the library's, shared with policy diagnostics).</summary>
    internal static int Distance(string a, string b) => Diagnostics.DidYouMean.Distance(a, b);

    /// <summary><c>1 lead</c>, <c>2 leads</c>: a count with its noun in the right number.</summary>
    internal static string Count(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
