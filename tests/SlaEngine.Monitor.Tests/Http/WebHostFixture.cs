using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using SlaEngine.Monitor.Tests.Infrastructure;

namespace SlaEngine.Monitor.Tests.Http;

/// <summary>The sample web host (samples/WebHost) with the monitor on SQLite, started once for the HTTP tests.</summary>
public sealed class WebHostFixture : IAsyncLifetime
{
    public const string ApiKey = "monitor-http-tests-key";

    private ChildProcess? _host;

    public HttpClient Client { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public string PolicyDirectory { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var directory = MonitorHarness.TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(directory, "monitor-test.yaml"), TestPolicies.Standard());
        await File.WriteAllTextAsync(Path.Combine(directory, "ranked.yaml"), TestPolicies.Ranked());   // only the report tests store leads under it
        await File.WriteAllTextAsync(Path.Combine(directory, "gone.yaml"), TestPolicies.Standard(id: "gone"));   // removed by a test
        PolicyDirectory = directory;
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var address = new Uri($"http://127.0.0.1:{port}/");
        _host = ChildProcess.Start(
            ChildProcess.Locate(Path.Combine("samples", "WebHost"), "SlaEngine.Samples.WebHost.dll"),
            [
                "--urls", address.ToString().TrimEnd('/'),
                "--SlaEngine:Policies", directory,
                "--SlaEngine:Monitor:Provider", "sqlite",
                "--SlaEngine:Monitor:Database", Path.Combine(directory, "monitor.db"),
                "--SlaEngine:Monitor:ApiKey", ApiKey,
            ],
            "never printed");
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        Anonymous = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            Assert.False(_host.HasExited, "the web host exited:\n" + _host.Output);
            try
            {
                using var health = await Anonymous.GetAsync("health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "the web host did not answer /health:\n" + _host.Output);
            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        _host?.Dispose();
        return Task.CompletedTask;
    }

    public string Output => _host?.Output ?? "";
}
