using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SlaEngine.Cli.Rendering;

/// <summary>
/// Progress of a command over a file of leads, on standard error and only when standard error is a terminal: leads
/// done, leads per second, and — when the input's size is known — a bar, the share done and the time left (from the
/// bytes read). Drawn by Spectre.Console on its own thread; the pipeline only adds to a counter. Never on redirected
/// standard error, never in standard output, and not while the command streams its own lines to the same terminal.
/// The display is removed when the command ends.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private const string LeadsKey = "leads";
    private readonly ManualResetEventSlim _done = new();
    private readonly Thread _thread;
    private readonly LineSource _source;
    private long _leads;
    private bool _disposed;

    private readonly IAnsiConsole _console;

    private ProgressDisplay(CliContext context, string command, LineSource source)
    {
        _source = source;
        _console = Terminal.Error(context);
        _thread = new Thread(() => Draw(_console, command)) { IsBackground = true, Name = "slaengine progress" };
        _thread.Start();
    }

    /// <summary>
    /// Writes a line to standard error: above the progress display while there is one (the display is redrawn below
    /// it), otherwise straight to <paramref name="stderr"/>.
    /// </summary>
    internal static void WriteLine(ProgressDisplay? progress, TextWriter stderr, string line)
    {
        if (progress is null || progress._disposed)
        {
            stderr.WriteLine(line);
        }
        else
        {
            progress._console.Write(new Text(line + "\n"));
        }
    }

    /// <summary>
    /// Starts a display when standard error is a terminal and standard output is not that terminal (unless
    /// <paramref name="outputAtTheEnd"/>: the command prints only when done, like <c>report</c>); otherwise null.
    /// </summary>
    internal static ProgressDisplay? Start(CliContext context, string command, LineSource source, bool outputAtTheEnd = false) =>
        context.ShowProgress && (outputAtTheEnd || !context.OutIsTerminal) ? new ProgressDisplay(context, command, source) : null;

    /// <summary>Counts leads done (thread-safe).</summary>
    internal void Add(long leads) => Interlocked.Add(ref _leads, leads);

    /// <summary>Stops and removes the display.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _done.Set();
        _thread.Join();
        _done.Dispose();
    }

    private void Draw(IAnsiConsole console, string command)
    {
        var length = _source.Length;
        var progress = new Progress(console) { RefreshRate = TimeSpan.FromMilliseconds(250) }
            .AutoClear(true)
            .Columns(length is null
                ? [new TaskDescriptionColumn(), new SpinnerColumn(), new LeadsColumn()]
                : [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new LeadsColumn(), new RemainingTimeColumn()]);
        progress.Start(context =>
        {
            var task = context.AddTask("slaengine " + command, autoStart: true, maxValue: Math.Max(1, length ?? 1));
            task.IsIndeterminate = length is null;
            do
            {
                task.State.Update<long>(LeadsKey, _ => Interlocked.Read(ref _leads));
                if (length is not null)
                {
                    task.Value = Math.Min(task.MaxValue, _source.BytesRead);
                }
            }
            while (!_done.Wait(200));
        });
    }

    /// <summary>"12,345 leads, 98,765 leads/s".</summary>
    private sealed class LeadsColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var leads = task.State.Get<long>(LeadsKey);
            var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            var rate = seconds > 0.05 ? (leads / seconds).ToString("N0", CultureInfo.InvariantCulture) : "-";
            return new Text($"{CliText.Count(leads, "lead")}, {rate} leads/s");
        }
    }
}
