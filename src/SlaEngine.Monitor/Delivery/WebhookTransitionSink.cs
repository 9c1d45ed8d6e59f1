using System.Globalization;
using System.Net.Http.Headers;

namespace SlaEngine.Monitor.Delivery;

/// <summary>
/// Posts each transition's JSON to a webhook, signed (<see cref="WebhookSignature"/>), through the named
/// <see cref="HttpClient"/> whose resilience pipeline times out and retries transient failures.
/// </summary>
internal sealed class WebhookTransitionSink(WebhookSinkOptions options, IHttpClientFactory clients) : ISlaTransitionSink
{
    internal const string ClientName = "SlaEngine.Monitor.Webhook";

    private readonly Uri _url = options.Url!;
    private readonly string _secret = options.Secret;

    public string Name { get; } = options.Name;

    public async Task DeliverAsync(RecordedTransition transition, CancellationToken cancellationToken)
    {
        var body = transition.SerializeToUtf8();
        using var request = new HttpRequestMessage(HttpMethod.Post, _url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Compute(_secret, body));
        request.Headers.TryAddWithoutValidation("X-SlaEngine-Seq", transition.Seq.ToString(CultureInfo.InvariantCulture));
        var client = clients.CreateClient(ClientName);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"{_url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}"),
                null,
                response.StatusCode);
        }
    }
}
