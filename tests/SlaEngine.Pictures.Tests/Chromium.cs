using System.Diagnostics;
using System.Text.Json;

namespace SlaEngine.Pictures.Tests;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c>, installed by <c>.ci/run</c>) for the browser tests: screenshots, the
/// rendered DOM and a net log. A missing browser fails the test that needs it; it never skips.
/// </summary>
internal sealed class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private Chromium(string path)
    {
        Executable = path;
    }

    internal string Executable { get; }

    /// <summary>Finds the browser: <c>$CHROMIUM</c>, else <c>chromium</c>, <c>chromium-browser</c> or <c>google-chrome</c> on the PATH; fails the test otherwise.</summary>
    internal static Chromium Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.AddRange(new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(dir, name)));
        }

        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail("Chromium is not installed: install Debian's `chromium` (apt-get install -y chromium; .ci/run does it) or set CHROMIUM to the browser's path. The browser tests fail without it; they never skip.");
        }

        return new Chromium(found!);
    }

    /// <summary>Takes a screenshot of a local file; returns the PNG bytes.</summary>
    internal byte[] Screenshot(string file, int width, int height, string? netLog = null)
    {
        var png = Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + ".png");
        File.Delete(png);
        Run(file, [$"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars"], netLog);
        Assert.True(File.Exists(png), "Chromium wrote no screenshot of " + file);
        return File.ReadAllBytes(png);
    }

    /// <summary>The DOM of a local file after the browser parsed and rendered it.</summary>
    internal string DumpDom(string file, string? netLog = null) => Run(file, ["--dump-dom"], netLog);

    /// <summary>The URLs of every request in a net log written by <c>--log-net-log</c>, apart from the page's own file URL.</summary>
    internal static IReadOnlyList<string> RequestedUrls(string netLog, string pageFile)
    {
        var text = File.ReadAllText(netLog).TrimEnd();

        // Chromium may be stopped before it closes the JSON; close it so it parses.
        if (!text.EndsWith('}'))
        {
            text = text.TrimEnd(',', '\n', '\r', ' ') + "]}";
        }

        using var document = JsonDocument.Parse(text);
        var page = new Uri(pageFile).AbsoluteUri;
        var urls = new List<string>();
        foreach (var e in document.RootElement.GetProperty("events").EnumerateArray())
        {
            if (e.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in parameters.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && property.Name.Contains("url", StringComparison.OrdinalIgnoreCase)
                        && property.Value.GetString() is { } url && url != page && !url.StartsWith("data:", StringComparison.Ordinal))
                    {
                        urls.Add(url);
                    }
                }
            }
        }

        return urls;
    }

    private string Run(string file, string[] extra, string? netLog)
    {
        var profile = Directory.CreateTempSubdirectory("sla-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-dev-shm-usage", "--no-default-browser-check",

                // Any request would go to a closed loopback port, and no host name resolves: nothing leaves the machine.
                "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                $"--user-data-dir={profile.FullName}",
            })
            {
                start.ArgumentList.Add(argument);
            }

            if (netLog is not null)
            {
                start.ArgumentList.Add($"--log-net-log={netLog}");
                start.ArgumentList.Add("--net-log-capture-mode=Everything");
            }

            foreach (var argument in extra)
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(new Uri(file).AbsoluteUri);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"Chromium did not finish within {Timeout.TotalSeconds} s on {file}: {stderr.Result}");
            }

            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode} on {file}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A crashed browser may hold a file for a moment; the temp directory is cleaned later.
            }
        }
    }
}
