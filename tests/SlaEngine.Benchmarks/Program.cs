using BenchmarkDotNet.Running;
using SlaEngine.Benchmarks;

if (args.Length == 1 && args[0] == "--thread-cpu")
{
    ThreadCpuTime.Run();
    return;
}

// `generate-import-export DIR LEADS` writes the synthetic CRM export of docs/performance.md (leads.csv, touches.csv,
// events.csv) for measuring `slaengine import` on big files.
if (args is ["generate-import-export", var directory, var leads])
{
    SlaEngine.Import.Tests.SyntheticExport.WriteFiles(directory, int.Parse(leads, System.Globalization.CultureInfo.InvariantCulture), 3);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
