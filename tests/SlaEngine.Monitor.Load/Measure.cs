using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using SlaEngine.DependencyInjection;
using SlaEngine.Evaluation;

namespace SlaEngine.Monitor.Load;

/// <summary>
/// The figures of docs/monitor.md, measured on a real database:
/// <list type="number">
/// <item>upserts/s: N leads written through <see cref="SlaMonitor.UpsertAsync"/> by W concurrent writers;</item>
/// <item>lag p50/p99: P monitor processes (children of this one) run while a shared clock moves at F× real time; each
/// transition's lag is (recorded_at − at) / F, in real seconds;</item>
/// <item>transitions recorded/s: the clock jumps days ahead and the P processes record everything now due.</item>
/// </list>
/// </summary>
internal static class Measure
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 16, 9, 0);

    internal static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var leads = Arguments.Int(options, "leads", 100_000);
        var processes = Arguments.Int(options, "processes", 1);
        var writers = Arguments.Int(options, "writers", 8);
        var factor = Arguments.Int(options, "speed", 600);
        var steady = TimeSpan.FromSeconds(Arguments.Int(options, "steady-seconds", 30));
        var policies = options["policies"];
        var clockPath = Path.Combine(Path.GetTempPath(), $"slaengine-measure-clock-{Environment.ProcessId}");
        using var clock = new MappedFileClock(clockPath, T0);

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IClock>(clock);
        services.AddSlaEngine(o => o.AddPolicyDirectory(policies));
        services.AddSlaMonitor(o =>
        {
            Arguments.ConfigureDatabase(o, options);
            o.RunScheduler = false;
            o.RunDelivery = false;
            o.SqliteDurability = options.GetValueOrDefault("sqlite-sync", "full") == "normal" ? SqliteDurability.Normal : SqliteDurability.Full;
        });
        await using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<SlaMonitor>();
        await monitor.MigrateAsync();
        var policyId = provider.GetRequiredService<IPolicyStore>().Current.PolicyIds[0];

        // 1. Upserts: leads handed over during the day before T0 and the day after (mql_at ahead of the clock is a
        // lead the host stored early), some with touches.
        var random = new Random(7);
        var snapshots = Enumerable.Range(0, leads).Select(i => new LeadSnapshot("M-" + i.ToString("D6", CultureInfo.InvariantCulture))
        {
            MqlAt = T0 + Duration.FromSeconds(random.Next(-86_400, 86_400)),
            Touches = random.NextDouble() < 0.5 ? ImmutableArray.Create(new LeadTouch { Channel = "call", At = T0 + Duration.FromSeconds(random.Next(0, 2 * 86_400)) }) : [],
        }).ToList();
        var watch = Stopwatch.StartNew();
        var phase = options.GetValueOrDefault("phase", "all");
        var upsertRate = double.NaN;
        if (phase is "all" or "seed")
        {
            await Parallel.ForEachAsync(snapshots, new ParallelOptions { MaxDegreeOfParallelism = writers }, async (lead, cancel) =>
            {
                var result = await monitor.UpsertAsync(policyId, lead, cancel);
                if (!result.Success)
                {
                    throw new InvalidOperationException(result.ErrorMessage);
                }
            });
            upsertRate = leads / watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"upserts: {leads} leads, {writers} writers, {watch.Elapsed.TotalSeconds:0.0} s, {upsertRate:0} upserts/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"upserts/s {upsertRate:0}"));
            if (phase == "seed")
            {
                return 0;
            }
        }
        else
        {
            // A database seeded by an earlier `--phase seed` run (copied, so each run starts from the same leads).
            upsertRate = double.Parse(options.GetValueOrDefault("upserts", "NaN"), CultureInfo.InvariantCulture);
        }

        var afterSeed = await LastSeqAsync(monitor);

        // 2. Steady state: the clock runs at `factor` times real time.
        var children = new List<Process>();
        for (var i = 0; i < processes; i++)
        {
            children.Add(StartChild(options, clockPath, $"m{i + 1}"));
        }

        try
        {
            var realStart = Stopwatch.StartNew();
            var simulatedStart = clock.GetCurrentInstant();
            while (realStart.Elapsed < steady)
            {
                await Task.Delay(10);
                clock.Set(simulatedStart + Duration.FromTimeSpan(realStart.Elapsed * factor));
            }

            var steadyEnd = clock.GetCurrentInstant();
            var lags = new List<double>();
            long cursor = afterSeed;
            while (true)
            {
                var page = await monitor.ReadTransitionsAsync(cursor, 10_000);
                if (page.Items.IsEmpty)
                {
                    break;
                }

                lags.AddRange(page.Items.Where(t => t.At > simulatedStart && t.At <= steadyEnd - Duration.FromMinutes(factor / 60.0 * 5)).Select(t => (t.RecordedAt - t.At).TotalSeconds / factor));
                cursor = page.Next;
            }

            lags.Sort();
            var steadyCount = cursor - afterSeed;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"steady: {processes} processes, clock at {factor}x for {steady.TotalSeconds:0} s: {steadyCount} transitions ({steadyCount / steady.TotalSeconds:0}/s), lag p50 {Percentile(lags, 0.50):0.000} s, p99 {Percentile(lags, 0.99):0.000} s"));

            // 3. Catch-up: the clock jumps --jump-days (default four) days; everything due is recorded as fast as the processes can.
            var beforeJump = await LastSeqAsync(monitor);
            clock.Set(clock.GetCurrentInstant() + Duration.FromDays(Arguments.Int(options, "jump-days", 4)));
            watch.Restart();
            while ((await monitor.GetStatusAsync()).DueLeads > 0)
            {
                await Task.Delay(100);
            }

            var elapsed = watch.Elapsed.TotalSeconds;
            var recorded = await LastSeqAsync(monitor) - beforeJump;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"catch-up: {processes} processes, {recorded} transitions in {elapsed:0.0} s, {recorded / elapsed:0} transitions/s"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {monitor.Options.Provider}{(monitor.Options.Provider == MonitorDatabaseProvider.Sqlite ? " " + monitor.Options.SqliteDurability : "")} | {processes} | {leads:N0} | {upsertRate:0} | {recorded / elapsed:0} | {Percentile(lags, 0.50):0.000} s | {Percentile(lags, 0.99):0.000} s |"));
        }
        finally
        {
            foreach (var child in children)
            {
                try
                {
                    child.StandardInput.Close();
                    if (!child.WaitForExit(20_000))
                    {
                        child.Kill(entireProcessTree: true);
                    }
                }
                catch (InvalidOperationException)
                {
                }

                child.Dispose();
            }

            File.Delete(clockPath);
        }

        return 0;
    }

    private static async Task<long> LastSeqAsync(SlaMonitor monitor)
    {
        long cursor = 0;
        while (true)
        {
            var page = await monitor.ReadTransitionsAsync(cursor, 10_000);
            if (page.Items.IsEmpty)
            {
                return cursor;
            }

            cursor = page.Next;
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(p * sorted.Count))];

    private static Process StartChild(IReadOnlyDictionary<string, string> options, string clockPath, string name)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, UseShellExecute = false };
        var self = typeof(Measure).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            info.ArgumentList.Add(self);
        }

        foreach (var argument in new[]
        {
            "run", "--provider", options.GetValueOrDefault("provider", "sqlite"), "--database", options["database"], "--policies", options["policies"],
            "--clock", clockPath, "--instance", name, "--lease-ms", "30000", "--batch", options.GetValueOrDefault("batch", "500"), "--sqlite-sync", options.GetValueOrDefault("sqlite-sync", "full"),
        })
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }
}
