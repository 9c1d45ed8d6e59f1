// The monitor as a process.
//
//   run      --provider sqlite|postgres --database CS --policies DIR --clock FILE [--webhook URL --secret S]
//            [--instance NAME] [--batch N] [--lease-ms N]
//            Runs the scheduler and delivery under a clock shared through FILE until killed or stdin closes.
//   measure  --provider sqlite|postgres --database CS --policies DIR [--leads N] [--processes N]
//            The figures of docs/monitor.md (see Measure.cs).
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using SlaEngine.DependencyInjection;
using SlaEngine.Monitor;
using SlaEngine.Monitor.Load;

var options = Arguments.Parse(args.Skip(1));
switch (args.FirstOrDefault())
{
    case "run":
        return await RunAsync(options);
    case "measure":
        return await Measure.RunAsync(options);
    default:
        Console.Error.WriteLine("usage: SlaEngine.Monitor.Load run|measure --provider sqlite|postgres --database CS --policies DIR …");
        return 2;
}

static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
{
    using var clock = new MappedFileClock(options["clock"]);
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddSingleton<IClock>(clock);
    builder.Services.AddSlaEngine(o => o.AddPolicyDirectory(options["policies"]));
    builder.Services.AddSlaMonitor(o =>
    {
        Arguments.ConfigureDatabase(o, options);
        o.InstanceName = options.GetValueOrDefault("instance");
        o.SqliteDurability = options.GetValueOrDefault("sqlite-sync", "full") == "normal" ? SqliteDurability.Normal : SqliteDurability.Full;
        o.PollInterval = TimeSpan.FromMilliseconds(50);
        o.LeaseDuration = TimeSpan.FromMilliseconds(int.Parse(options.GetValueOrDefault("lease-ms", "2000"), System.Globalization.CultureInfo.InvariantCulture));
        o.BatchSize = int.Parse(options.GetValueOrDefault("batch", "200"), System.Globalization.CultureInfo.InvariantCulture);
        o.DeliveryBatchSize = 200;
        o.DeliveryConcurrency = 16;
        o.DeliveryBackoff = Duration.FromMilliseconds(100);
        if (options.TryGetValue("webhook", out var url))
        {
            o.AddWebhook("receiver", new Uri(url), options["secret"]);
        }
    });
    using var host = builder.Build();
    await host.StartAsync();
    Console.Out.WriteLine("ready");
    Console.Out.Flush();

    // Runs until the controller closes stdin (a clean stop) or kills the process (a crash).
    await Task.Run(() => Console.In.ReadToEnd());
    await host.StopAsync();
    return 0;
}
