using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SlaEngine.Tests.Hosting;

/// <summary>
/// The sample web host (samples/WebHost) running as a child process on a free loopback port. Disposing it kills the
/// process tree; it is also killed when start-up fails, so no test leaves a host running.
/// </summary>
internal sealed class WebHostProcess : IDisposable
{
    private const string AssemblyName = "SlaEngine.Samples.WebHost.dll";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WebHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
    }

    /// <summary>The bearer key the host is started with (every endpoint but /health asks for it).</summary>
    public const string ApiKey = "web-host-tests-api-key";

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>Everything the host wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host with the given policy directory and waits until it answers <c>GET /policies</c>.</summary>
    public static async Task<WebHostProcess> StartAsync(string policyDirectory)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var host = new WebHostProcess(Start(policyDirectory, "--urls", address.ToString().TrimEnd('/')), address);
        try
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Runs the host to completion (it is expected to stop by itself, for example on a bad policy).</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string policyDirectory, TimeSpan timeout)
    {
        using var host = new WebHostProcess(Start(policyDirectory, "--urls", $"http://127.0.0.1:{FreePort()}"), new Uri("http://127.0.0.1/"));
        using var cancel = new CancellationTokenSource(timeout);
        host.StartProcess();
        try
        {
            await host._process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the web host did not stop within {timeout}; output:\n{host.Output}");
        }

        host._process.WaitForExit();   // drain the redirected output
        return (host._process.ExitCode, host.Output);
    }

    /// <summary>Finds the built sample web host: samples/WebHost/bin/CONFIGURATION/net10.0, the configuration of this test build.</summary>
    public static string LocateAssembly() => SampleOutput.Locate("WebHost", AssemblyName);

    public void Dispose()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
    }

    private static Process Start(string policyDirectory, params string[] arguments)
    {
        var dotnet = SampleOutput.DotnetHost;
        var assembly = LocateAssembly();
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("--SlaEngine:PolicyDirectory");
        info.ArgumentList.Add(policyDirectory);
        info.ArgumentList.Add("--SlaEngine:Monitor:ApiKey");
        info.ArgumentList.Add(ApiKey);
        info.ArgumentList.Add("--SlaEngine:Monitor:Database");
        info.ArgumentList.Add(Path.Combine(Path.GetTempPath(), $"slaengine-webhost-{Guid.NewGuid():N}.db"));
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = new Process { StartInfo = info };
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        StartProcess();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the web host exited with code {_process.ExitCode} before it was ready; output:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("policies");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the web host did not answer within {timeout}; output:\n{Output}");
    }

    private void StartProcess()
    {
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
