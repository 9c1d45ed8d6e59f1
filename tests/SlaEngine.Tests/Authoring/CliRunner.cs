using SlaEngine.Cli;

namespace SlaEngine.Tests.Authoring;

/// <summary>Runs the tool in-process and captures its output.</summary>
internal static class CliRunner
{
    internal static string SamplesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "samples", "policies");

    internal static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    internal static string Sample(string name) =>
        File.Exists(Path.Combine(SamplesDirectory, name)) ? Path.Combine(SamplesDirectory, name) : Path.Combine(AppContext.BaseDirectory, "samples", "backtest", name);

    /// <summary>A fresh temporary folder with the given files.</summary>
    internal static string TempFolder(params (string Name, string Text)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "slaengine-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }
}
