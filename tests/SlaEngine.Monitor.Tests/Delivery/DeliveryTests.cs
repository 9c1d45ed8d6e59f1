using System.Collections.Concurrent;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Monitor.Tests.Infrastructure;

namespace SlaEngine.Monitor.Tests.Delivery;

/// <summary>Delivery: at least once with the key, retried with backoff, parked as dead after N failures, replayable.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class DeliveryTests(PostgresCluster cluster)
{
    private static readonly Instant T0 = MonitorHarness.Start;

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Deliver_SinkFailsTwice_RetriedWithBackoffUntilDelivered(string provider)
    {
        var calls = new ConcurrentDictionary<string, int>();
        var delivered = new ConcurrentBag<string>();
        await using var harness = await CreateAsync(provider, o =>
        {
            o.DeliveryBackoff = Duration.FromSeconds(10);
            o.AddSink("flaky", (t, _) =>
            {
                if (calls.AddOrUpdate(t.Key, 1, (_, n) => n + 1) <= 2)
                {
                    throw new InvalidOperationException("not yet");
                }

                delivered.Add(t.Key);
                return Task.CompletedTask;
            });
        });
        var write = await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-1") { MqlAt = T0 - Duration.FromHours(10) });

        var first = await harness.Monitor.DeliverDueAsync();
        var tooSoon = await harness.Monitor.DeliverDueAsync();
        harness.Clock.Advance(Duration.FromSeconds(10));
        await harness.Monitor.DeliverDueAsync();
        harness.Clock.Advance(Duration.FromSeconds(19));
        var notYet = await harness.Monitor.DeliverDueAsync();
        harness.Clock.Advance(Duration.FromSeconds(1));
        await harness.Monitor.DeliverDueAsync();

        Assert.Equal(write.Recorded.Length, first);
        Assert.Equal(0, tooSoon);
        Assert.Equal(0, notYet);
        Assert.Equal(write.Recorded.Select(t => t.Key).Order(), delivered.Order());
        var status = await harness.Monitor.GetStatusAsync();
        Assert.Equal(0, status.PendingDeliveries);
        Assert.Equal(0, status.DeadLetters);
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Deliver_SinkKeepsFailing_ParkedAsDeadWithItsLastError_ThenReplayed(string provider)
    {
        var failing = true;
        var attempts = 0;
        var delivered = new ConcurrentBag<string>();
        await using var harness = await CreateAsync(provider, o =>
        {
            o.MaxDeliveryAttempts = 3;
            o.DeliveryBackoff = Duration.FromSeconds(1);
            o.AddSink("crm", (t, _) =>
            {
                if (Volatile.Read(ref failing))
                {
                    throw new InvalidOperationException($"CRM down ({Interlocked.Increment(ref attempts)})");
                }

                delivered.Add(t.Key);
                return Task.CompletedTask;
            });
        });
        var write = await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-1") { MqlAt = T0 - Duration.FromHours(10) });
        var transition = Assert.Single(write.Recorded.Where(t => t.Subject == "first_touch" && t.Field == "status"));
        for (var i = 0; i < 5; i++)
        {
            await harness.Monitor.DeliverDueAsync();
            harness.Clock.Advance(Duration.FromMinutes(1));
        }

        var dead = await harness.Monitor.ListDeadLettersAsync();
        var status = await harness.Monitor.GetStatusAsync();
        Volatile.Write(ref failing, false);
        var replayed = await harness.Monitor.ReplayDeadLetterAsync(transition.Seq, "crm");
        var replayedAgain = await harness.Monitor.ReplayDeadLetterAsync(transition.Seq, "crm");
        await harness.Monitor.DeliverDueAsync();

        Assert.Equal(write.Recorded.Length, dead.Length);
        var letter = Assert.Single(dead, d => d.Transition.Seq == transition.Seq);
        Assert.Equal("crm", letter.Sink);
        Assert.Equal(3, letter.Attempts);
        Assert.StartsWith("InvalidOperationException: CRM down", letter.LastError, StringComparison.Ordinal);
        Assert.Equal(transition.Key, letter.Transition.Key);
        Assert.Equal(write.Recorded.Length, status.DeadLetters);
        Assert.True(replayed);
        Assert.False(replayedAgain);
        Assert.Equal([transition.Key], delivered);
        Assert.Equal(write.Recorded.Length - 1, (await harness.Monitor.ListDeadLettersAsync()).Length);
    }

    [Theory]
    [MemberData(nameof(MonitorHarness.Providers), MemberType = typeof(MonitorHarness))]
    public async Task Webhook_PostsSignedJson_RetriesTransientErrorsInsideOneAttempt(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await CreateAsync(provider, o => o.AddWebhook("receiver", receiver.Url, receiver.Secret));
        var write = await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-1") { MqlAt = T0 - Duration.FromHours(10) });
        receiver.FailNext(2);

        await harness.Monitor.DeliverDueAsync();

        Assert.Equal(0, receiver.BadSignatures);
        Assert.Equal(write.Recorded.Select(t => t.Key).Order(), receiver.Seen.Keys.Order());
        Assert.All(receiver.Seen.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, (await harness.Monitor.GetStatusAsync()).PendingDeliveries);
    }

    [Fact]
    public async Task Webhook_WrongSecret_IsAFailedAttemptWithTheStatusInItsError()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await CreateAsync("sqlite", o =>
        {
            o.MaxDeliveryAttempts = 1;
            o.WebhookRetries = 0;
            o.AddWebhook("receiver", receiver.Url, "another-secret-0123456789");
        });
        await harness.Monitor.UpsertAsync("monitor-test", new LeadSnapshot("L-1") { MqlAt = T0 - Duration.FromHours(10) });

        await harness.Monitor.DeliverDueAsync();

        var dead = await harness.Monitor.ListDeadLettersAsync();
        Assert.Empty(receiver.Seen);
        Assert.True(receiver.BadSignatures > 0, string.Join("; ", dead.Select(d => d.LastError)));
        Assert.NotEmpty(dead);
        Assert.Contains("HTTP 401", dead[0].LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_IsHmacSha256OfTheBody_AndVerifiesOnlyTheExactBody()
    {
        var body = "{\"key\":\"a\"}"u8.ToArray();

        var header = WebhookSignature.Compute("s3cret-s3cret-s3cret", body);

        // HMAC-SHA256("s3cret-s3cret-s3cret", {"key":"a"}), computed independently with openssl dgst -sha256 -hmac.
        Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData("s3cret-s3cret-s3cret"u8, body), Convert.FromHexString(header["sha256=".Length..]));
        Assert.True(WebhookSignature.Verify("s3cret-s3cret-s3cret", body, header));
        Assert.False(WebhookSignature.Verify("s3cret-s3cret-s3cret", "{\"key\":\"b\"}"u8, header));
        Assert.False(WebhookSignature.Verify("other", body, header));
        Assert.False(WebhookSignature.Verify("s3cret-s3cret-s3cret", body, null));
    }

    private async Task<MonitorHarness> CreateAsync(string provider, Action<SlaMonitorOptions> configure) =>
        await MonitorHarness.CreateAsync(provider, await MonitorHarness.ConnectionStringAsync(provider, cluster), [("monitor-test.yaml", TestPolicies.Standard())], configure);
}
