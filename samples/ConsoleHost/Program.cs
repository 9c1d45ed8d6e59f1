// SlaEngine console host: registers the policy store with dependency injection, resolves it (which loads and checks
// every policy up front), then evaluates leads and prints one line per lead.
//
//   dotnet run --project samples/ConsoleHost                                  # sample leads under lattice-predictive
//   dotnet run --project samples/ConsoleHost -- --policy level-of-effort --at 2026-11-24T12:00:00Z
//   dotnet run --project samples/ConsoleHost -- --leads my-leads.jsonl --json
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaEngine;
using SlaEngine.Evaluation;
using SlaEngine.Diagnostics;
using SlaEngine.DependencyInjection;

var policyId = "lattice-predictive";
var at = Instant.FromUtc(2026, 11, 22, 12, 0);
var leadFiles = new List<string>();
var json = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--policy" when i + 1 < args.Length:
            policyId = args[++i];
            break;
        case "--at" when i + 1 < args.Length && InstantText.TryParse(args[i + 1], out var parsed):
            at = parsed;
            i++;
            break;
        case "--leads" when i + 1 < args.Length:
            leadFiles.Add(args[++i]);
            break;
        case "--json":
            json = true;
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete argument '{args[i]}'; usage: [--policy ID] [--at INSTANT] [--leads FILE.jsonl]... [--json]");
            return 2;
    }
}

if (leadFiles.Count == 0)
{
    leadFiles.AddRange(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "leads"), "*.jsonl").Order(StringComparer.Ordinal));
}

var services = new ServiceCollection()
    .AddSlaEngine(options => options.AddPolicyDirectory(Path.Combine(AppContext.BaseDirectory, "policies")));

using var provider = services.BuildServiceProvider();
IPolicyStore store;
try
{
    store = provider.GetRequiredService<IPolicyStore>();   // loads every policy now: a bad one stops us here
}
catch (PolicyValidationException e)
{
    foreach (var diagnostic in e.Diagnostics)
    {
        Console.Error.WriteLine(diagnostic);
    }

    return 1;
}

if (!store.TryGetActive(policyId, out var policy))
{
    Console.Error.WriteLine($"no policy '{policyId}'; loaded: {string.Join(", ", store.Current.PolicyIds)}");
    return 1;
}

Console.WriteLine($"# {policy.Id} v{policy.Version} at {EvaluationJson.FormatInstant(at)}");
var invalid = 0;
foreach (var file in leadFiles)
{
    var number = 0;
    foreach (var line in File.ReadLines(file))
    {
        number++;
        if (string.IsNullOrWhiteSpace(line))
        {
            continue;
        }

        // Every lead is answered: a lead that cannot be read or evaluated is reported with its code, and the rest go on.
        var read = LeadSnapshot.Parse(line);
        if (!read.TryGetValue(out var lead))
        {
            Report(file, number, read.Error!);
            continue;
        }

        var result = policy.TryEvaluate(lead, at, EvaluationOptions.WithoutTrace);
        if (!result.TryGetValue(out var evaluation))
        {
            Report(file, number, result.Error!);
            continue;
        }

        if (json)
        {
            Console.WriteLine(EvaluationJson.Serialize(evaluation));
            continue;
        }

        var next = evaluation.NextTouch is { } touch ? $"next: {touch.Channel} by {EvaluationJson.FormatInstant(touch.Due)}" : "no next touch";
        Console.WriteLine($"{evaluation.Id,-8} {EvaluationJson.StatusText(evaluation.Status),-10} {evaluation.Tier ?? "-",-9} {evaluation.Team ?? "-",-11} {evaluation.Reason} | {next}");
    }
}

return invalid == 0 ? 0 : 3;

void Report(string file, int number, LeadError error)
{
    invalid++;
    Console.WriteLine(json ? EvaluationJson.Serialize(error, number) : $"{Path.GetFileName(file)}:{number}: {error.Code}: {error.Message}");
}
