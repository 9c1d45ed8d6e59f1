using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Monitor;

/// <summary>JSON settings shared by the monitor's writers.</summary>
internal static class MonitorJson
{
    /// <summary>Compact, with only the escapes JSON requires (like the rest of SlaEngine's output).</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Formats an instant as SlaEngine's JSON does: UTC, <c>uuuu-MM-ddTHH:mm:ssZ</c>, fractional seconds only when non-zero.</summary>
    internal static string FormatInstant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
