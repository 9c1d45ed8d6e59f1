using System.Globalization;

namespace SlaEngine.Import;

/// <summary>Message helpers shared by the map loader and the reader (invariant culture).</summary>
internal static class ImportText
{
    /// <summary>Says why a file could not be read, without the exception's own text.</summary>
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        UnauthorizedAccessException => "permission denied",
        _ => "input/output error",
    };

    /// <summary>Quotes a CSV value for a message, shortened past 60 characters.</summary>
    public static string Quote(ReadOnlySpan<char> value) =>
        "\"" + (value.Length > 60 ? string.Concat(value[..57], "...") : value.ToString()) + "\"";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The closest candidate by edit distance, as a "; did you mean `x`?" suffix, or empty (the core's hint).</summary>
    public static string DidYouMean(string value, IEnumerable<string> candidates) => SlaEngine.Diagnostics.DidYouMean.Hint(value, candidates);
}
