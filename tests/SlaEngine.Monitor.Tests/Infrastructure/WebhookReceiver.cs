using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SlaEngine.Monitor.Tests.Infrastructure;

/// <summary>
/// A webhook receiver on a loopback port, as a host would write one: it verifies each body's signature (401 when
/// wrong), records each key, and counts how often it saw each key as new (at most once) and as a repeat.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private int _badSignatures;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public string Secret { get; } = "test-secret-0123456789";

    /// <summary>Gets how often each key arrived.</summary>
    public IReadOnlyDictionary<string, int> Seen => _seen;

    public int BadSignatures => _badSignatures;

    /// <summary>Makes the next <paramref name="count"/> requests fail with 503 (a transient error the pipeline retries).</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            if (!WebhookSignature.Verify(receiver.Secret, body, request.Headers[WebhookSignature.HeaderName]))
            {
                Interlocked.Increment(ref receiver._badSignatures);
                return Results.StatusCode(401);
            }

            if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
            {
                return Results.StatusCode(503);
            }

            // A receiver that records keys acts on a key the first time it sees it; repeats are counted.
            var key = JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
            receiver._seen.AddOrUpdate(key, 1, (_, n) => n + 1);

            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
