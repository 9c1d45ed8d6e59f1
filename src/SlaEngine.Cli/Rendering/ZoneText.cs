using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Cli.Rendering;

/// <summary>
/// Shows the UTC instants written inside a text (an explanation's detail, a reason) in another zone, for people
/// reading a trace in local time. Only the display changes; JSON output is untouched unless <c>--zone</c> is given.
/// </summary>
internal static class ZoneText
{
    private static readonly Lazy<Regex> UtcInstant = new(() => new Regex(
        @"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));

    /// <summary>Rewrites every UTC instant in <paramref name="text"/> in <paramref name="zone"/>; the text itself when null.</summary>
    internal static string Localize(string text, DateTimeZone? zone, Func<Instant, DateTimeZone, string> format)
    {
        if (zone is null || !text.Contains('Z', StringComparison.Ordinal))
        {
            return text;
        }

        return UtcInstant.Value.Replace(text, match =>
            InstantPattern.ExtendedIso.Parse(match.Value) is { Success: true } parsed ? format(parsed.Value, zone) : match.Value);
    }
}
