using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SlaEngine.Monitor.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster: <c>initdb</c> into a temporary directory, <c>pg_ctl start</c> on a free loopback
/// port, stopped and deleted when the tests end. PostgreSQL refuses to run as root, so under root the commands run as
/// the <c>postgres</c> user (<c>runuser -u postgres --</c>), which owns the directory. A test that needs it fails when it
/// cannot start: it never skips.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    /// <summary>Where Debian's postgresql-15 package puts the server binaries (override with SLAENGINE_PG_BIN).</summary>
    private static readonly string Bin = Environment.GetEnvironmentVariable("SLAENGINE_PG_BIN") ?? "/usr/lib/postgresql/15/bin";

    private int _databases;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "slaengine-pg-" + Guid.NewGuid().ToString("N")[..12]);

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(Root, "data");

    private static bool IsRoot => Environment.UserName == "root";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not installed: {Bin}/initdb is missing. Install the Debian package 'postgresql' (.ci/run does it) or set SLAENGINE_PG_BIN.");
        }

        Directory.CreateDirectory(Root);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", Root], asPostgres: false);
        }

        await RunAsync(Path.Combine(Bin, "initdb"), ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true);
        Port = FreePort();
        var settings = string.Create(
            CultureInfo.InvariantCulture,
            $"-p {Port} -k {Root} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=on -c shared_buffers=64MB");
        await RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(Root, "server.log"), "-w", "-t", "60", "-o", settings, "start"], asPostgres: true);
    }

    public async Task DisposeAsync()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true);
        }
        finally
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=40;Timeout=30;Command Timeout=60");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asPostgres && IsRoot)
        {
            info.FileName = "runuser";
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add("postgres");
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(program);
        }
        else
        {
            info.FileName = program;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }
}

/// <summary>Tests that share one PostgreSQL cluster (and run one at a time).</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "databases";
}
