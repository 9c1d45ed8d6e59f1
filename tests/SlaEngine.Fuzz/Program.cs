using System.Text;
using SharpFuzz;
using SlaEngine.Fuzz;

// SlaEngine.Fuzz TARGET             run TARGET under afl-fuzz (SharpFuzz fork server; the input comes on stdin)
// SlaEngine.Fuzz TARGET PATH...     replay files (or every file of folders) in-process; exit 1 if any breaks the contract
// SlaEngine.Fuzz --list             list the targets
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: SlaEngine.Fuzz TARGET [PATH...] | --list");
    Console.Error.WriteLine("targets: " + string.Join(", ", FuzzTargets.Names));
    return 2;
}

if (args[0] == "--list")
{
    foreach (var name in FuzzTargets.Names)
    {
        Console.WriteLine(name);
    }

    return 0;
}

if (!FuzzTargets.TryGet(args[0], out var target))
{
    Console.Error.WriteLine($"unknown target '{args[0]}'; targets: {string.Join(", ", FuzzTargets.Names)}");
    return 2;
}

if (args.Length > 1)
{
    var failures = 0;
    var files = 0;
    foreach (var file in args.Skip(1).SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : new[] { p }))
    {
        files++;
        if (FuzzTargets.Replay(target, File.ReadAllBytes(file)) is { } failure)
        {
            failures++;
            Console.WriteLine($"FAIL {file}");
            Console.WriteLine(failure);
        }
    }

    Console.WriteLine($"{args[0]}: {files} input(s) replayed, {failures} broke the contract");
    if (int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_REPEAT"), out var repeat) && repeat > 0 && failures == 0)
    {
        // How long one run takes in-process, uninstrumented: what bounds the executions per second under AFL++.
        var inputs = args.Skip(1).SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories) : new[] { p }).Select(File.ReadAllBytes).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < repeat; i++)
        {
            foreach (var input in inputs)
            {
                target(input);
            }
        }

        Console.WriteLine($"{args[0]}: {clock.Elapsed.TotalMicroseconds / (repeat * (double)inputs.Length):F0} us per input");
    }

    return failures == 0 ? 0 : 1;
}

// No SlaEngine code may run before Fuzzer.Run: the instrumented assembly writes its coverage into AFL's shared memory,
// which SharpFuzz maps only there. What the targets build once (sample policies, calendars) is built on first use.
var buffer = new MemoryStream();
Fuzzer.Run(stream =>
{
    buffer.SetLength(0);
    stream.CopyTo(buffer);
    target(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
