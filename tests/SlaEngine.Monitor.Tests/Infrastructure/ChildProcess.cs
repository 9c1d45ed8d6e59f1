using System.Diagnostics;
using System.Text;

namespace SlaEngine.Monitor.Tests.Infrastructure;

/// <summary>
/// A built program of this repository run as a child process (the monitor of tests/SlaEngine.Monitor.Load, or the
/// sample web host). <see cref="Kill"/> is SIGKILL: no clean-up code runs, as in a crash. Disposing kills it too.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _readyLine;

    private ChildProcess(Process process, string readyLine)
    {
        _process = process;
        _readyLine = readyLine;
    }

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

    public bool HasExited => _process.HasExited;

    /// <summary>The repository root: the nearest folder above the test output that holds SlaEngine.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "SlaEngine.sln")))
            {
                root = root.Parent;
            }

            return root?.FullName ?? throw new InvalidOperationException("cannot find SlaEngine.sln above the test output");
        }
    }

    /// <summary>FOLDER/bin/CONFIGURATION/TFM/ASSEMBLY in the configuration of this test build.</summary>
    public static string Locate(string projectFolder, string assemblyFile)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot, projectFolder, "bin", testOutput.Parent!.Name, testOutput.Name, assemblyFile);
        return File.Exists(path) ? path : throw new FileNotFoundException($"not built: {path}", path);
    }

    public static ChildProcess Start(string assembly, IEnumerable<string> arguments, string readyLine, IDictionary<string, string>? environment = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
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

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            info.Environment[pair.Key] = pair.Value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, readyLine);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(_ready.Task, Task.Delay(timeout), _process.WaitForExitAsync());
        if (finished != _ready.Task)
        {
            throw new TimeoutException($"the child process did not become ready within {timeout}; output:\n{Output}");
        }
    }

    /// <summary>SIGKILL: the process dies at once, wherever it is.</summary>
    /// <remarks>
    /// The children are single processes (<c>dotnet X.dll</c>), so only the process itself is killed: walking the
    /// process tree first reads all of /proc and delays the signal by milliseconds, in which a batch can finish.
    /// </remarks>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
        }

        _process.WaitForExit(10_000);
    }

    /// <summary>A clean stop: stdin closes, the child stops its host and exits.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
        }

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
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

        if (line.Contains(_readyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
