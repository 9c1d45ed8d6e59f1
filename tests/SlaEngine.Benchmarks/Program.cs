using BenchmarkDotNet.Running;
using SlaEngine.Benchmarks;

if (args.Length == 1 && args[0] == "--thread-cpu")
{
    ThreadCpuTime.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
