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
    internal static Chromium Find() => Find(Environment.GetEnvironmentVariable("CHROMIUM"), Environment.GetEnvironmentVariable("PATH"));

    internal static Chromium Find(string? configured, string? path)
    {
        var candidates = new List<string>();
        if (configured is { Length: > 0 })
        {
            candidates.Add(configured);
        }

        foreach (var dir in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
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

    /// <summary>Prints a local file to PDF with its print style sheet; returns the PDF bytes.</summary>
    internal byte[] PrintToPdf(string file)
    {
        var pdf = Path.ChangeExtension(file, ".pdf");
        File.Delete(pdf);
        Run(file, [$"--print-to-pdf={pdf}", "--no-pdf-header-footer"], null);
        Assert.True(File.Exists(pdf), "Chromium printed no PDF of " + file);
        return File.ReadAllBytes(pdf);
    }

    /// <summary>The DOM of a local file after the browser parsed and rendered it.</summary>
    internal string DumpDom(string file, string? netLog = null) => Run(file, ["--dump-dom"], netLog);

    /// <summary>
    /// The URLs the page asked for, from a net log written by <c>--log-net-log</c>: every request job started on behalf
    /// of a <c>file://</c> page (its network isolation key names the page's site), apart from the page itself. The
    /// browser's own background requests (update checks, network time) carry no page and are left out; they go to the
    /// closed loopback proxy anyway.
    /// </summary>
    internal static IReadOnlyList<string> RequestedUrls(string netLog, string pageFile)
    {
        var text = File.ReadAllText(netLog).TrimEnd();

        // Chromium may be stopped before it closes the JSON; close it so it parses.
        if (!text.EndsWith('}'))
        {
            text = text.TrimEnd(',', '\n', '\r', ' ') + "]}";
        }

        using var document = JsonDocument.Parse(text);
        var startJob = document.RootElement.GetProperty("constants").GetProperty("logEventTypes").GetProperty("URL_REQUEST_START_JOB").GetInt32();
        var page = new Uri(pageFile).AbsoluteUri;
        var urls = new List<string>();
        foreach (var e in document.RootElement.GetProperty("events").EnumerateArray())
        {
            if (e.GetProperty("type").GetInt32() == startJob
                && e.TryGetProperty("params", out var parameters)
                && parameters.TryGetProperty("url", out var url)
                && parameters.TryGetProperty("network_isolation_key", out var key)
                && key.GetString() is { } isolation && isolation.StartsWith("file://", StringComparison.Ordinal)
                && url.GetString() is { } value && value != page)
            {
                urls.Add(value);
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
