using BenchmarkDotNet.Running;
using SlaEngine.Benchmarks;

if (args.Length == 1 && args[0] == "--thread-cpu")
{
    ThreadCpuTime.Run();
    return;
}

// `--thread-cpu-file FILE COUNT`: per-lead thread CPU over the first COUNT lines of a JSONL file.
if (args is ["--thread-cpu-file", var file, var count])
{
    ThreadCpuTime.RunFile(file, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// `--loop NAME SECONDS` runs one operation in a loop, for a profiler (evaluate, next, parse, write, line, timeline).
if (args is ["--loop", var name, var seconds])
{
    ThreadCpuTime.Loop(name, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
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
