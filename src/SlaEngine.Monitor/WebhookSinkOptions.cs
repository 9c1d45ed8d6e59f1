namespace SlaEngine.Monitor;

/// <summary>
/// A webhook that receives every recorded transition as an HTTP POST of its JSON, signed with HMAC-SHA256 of the body
/// under <see cref="Secret"/> in the <c>X-SlaEngine-Signature</c> header (<c>sha256=</c> and the lower-case hex digest).
/// </summary>
/// <remarks>Mutable while configuring; the monitor copies the values at start-up.</remarks>
public sealed class WebhookSinkOptions
{
    /// <summary>
    /// Gets or sets the sink's name: it identifies the webhook's deliveries in the database, so keep it stable across
    /// restarts. Letters, digits, <c>-</c>, <c>_</c> and <c>.</c>; at most 64 characters. Required.
    /// </summary>
    public string Name { get; set; } = "";

    /// <summary>Gets or sets the absolute <c>http</c> or <c>https</c> address the transitions are posted to. Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>Gets or sets the shared secret the body is signed with (at least 16 characters). Required.</summary>
    public string Secret { get; set; } = "";
}
