using System.Text.Encodings.Web;
using System.Text.Json;

namespace SlaEngine.Monitor;

/// <summary>JSON settings shared by the monitor's writers.</summary>
internal static class MonitorJson
{
    /// <summary>Compact, with only the escapes JSON requires (like the rest of SlaEngine's output).</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
