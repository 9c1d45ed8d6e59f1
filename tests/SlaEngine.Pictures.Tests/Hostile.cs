using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Pictures.Tests;

/// <summary>Leads whose texts try to break out of the markup.</summary>
internal static class Hostile
{
    internal const string ScriptId = "<script>alert(1)</script>";
    internal const string AttributeId = "\"><svg onload=alert(1)>";
    internal const string Channel = "'><img src=x onerror=alert(2)>";

    /// <summary>The sample lead L-1001 under a hostile id, with a touch on a hostile channel and a hostile outcome.</summary>
    internal static LeadSnapshot Lead(string id) => Samples.Lead("L-1001") with
    {
        Id = id,
        Touches = Samples.Lead("L-1001").Touches.Add(new LeadTouch { Channel = Channel, At = Instant.FromUtc(2026, 11, 21, 15, 0), Outcome = "</text><script>alert(3)</script>" }),
    };

    /// <summary>
    /// Asserts that markup contains no element a hostile text could have injected (escaped text such as
    /// <c>&amp;lt;script&amp;gt;</c> is fine: it shows as text). Attributes are checked on the parsed document.
    /// </summary>
    internal static void AssertInert(string markup)
    {
        Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", markup, StringComparison.OrdinalIgnoreCase);
    }
}
