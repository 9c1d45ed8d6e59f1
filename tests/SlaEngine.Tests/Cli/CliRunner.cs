using System.Text;
using SlaEngine.Cli;

namespace SlaEngine.Tests.Cli;

/// <summary>Runs the tool in-process and captures its output.</summary>
internal static class CliRunner
{
    internal static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");

    internal static readonly string RankBands = Path.Combine(Samples, "policies", "rank-bands.yaml");

    internal static readonly string SampleLeads = Path.Combine(Samples, "leads", "leads.jsonl");

    internal const string At = "2026-11-22T12:00:00Z";

    /// <summary>Runs with text writers (the tool decodes its UTF-8 output for them).</summary>
    internal static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with a UTF-8 stream writer as standard output, the way <c>Main</c> does (bytes go straight to the stream).</summary>
    internal static (int Code, string Stdout) RunOnStream(params string[] args)
    {
        using var bytes = new MemoryStream();
        int code;
        using (var stdout = new StreamWriter(bytes, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            code = Program.Run(args, stdout, TextWriter.Null);
        }

        return (code, Encoding.UTF8.GetString(bytes.ToArray()));
    }

    internal static string[] Lines(string text) => text.Split('\n')[..^1];

    /// <summary>Writes bytes to a temporary file that is deleted on dispose.</summary>
    internal sealed class TempFile : IDisposable
    {
        internal TempFile(byte[] content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "slaengine-test-" + Guid.NewGuid().ToString("N") + ".jsonl");
            File.WriteAllBytes(Path, content);
        }

        internal TempFile(IEnumerable<string> lines)
            : this(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))))
        {
        }

        internal string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
