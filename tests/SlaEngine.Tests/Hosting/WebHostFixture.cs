namespace SlaEngine.Tests.Hosting;

/// <summary>One running sample web host for <see cref="WebHostTests"/>, over a private copy of the sample policies.</summary>
public sealed class WebHostFixture : IAsyncLifetime
{
    private WebHostProcess? _host;

    public string PolicyDirectory { get; } = Directory.CreateTempSubdirectory("slaengine-webhost-").FullName;

    internal WebHostProcess Host => _host ?? throw new InvalidOperationException("the host is not started");

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "policies"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(PolicyDirectory, Path.GetFileName(file)));
        }

        _host = await WebHostProcess.StartAsync(PolicyDirectory);
    }

    public Task DisposeAsync()
    {
        _host?.Dispose();
        Directory.Delete(PolicyDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
