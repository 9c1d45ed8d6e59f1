using NodaTime;
using SlaEngine;
using SlaEngine.Evaluation;

// 1. Load and check the policy: a PolicyValidationException lists every error as file:line:column.
var policy = PolicyLoader.LoadFile("first-policy.yaml");

// 2. A lead snapshot, as a CRM would send it (one JSON object).
var read = LeadSnapshot.Parse("""
    {"id":"L-1","mql_at":"2026-11-20T15:30:00Z",
     "attributes":{"employees":250,"title":"VP Marketing"},
     "touches":[{"channel":"call","at":"2026-11-20T16:10:00Z"}]}
    """);
if (!read.TryGetValue(out var lead))
{
    Console.WriteLine($"{read.Error!.Code} at {read.Error.Path}: {read.Error.Message}");   // a bad lead is a value, not an exception
    return 1;
}

// 3. Evaluate at an instant you choose: the engine never reads the clock.
var result = policy.TryEvaluate(lead, Instant.FromUtc(2026, 11, 23, 15, 0));
if (!result.TryGetValue(out var evaluation))
{
    Console.WriteLine($"{result.Error!.Code}: {result.Error.Message}");   // for example a pinned tier the policy lacks
    return 1;
}

Console.WriteLine($"{evaluation.Id}: {EvaluationJson.StatusText(evaluation.Status)} ({evaluation.Reason}), tier {evaluation.Tier}, team {evaluation.Team}");
foreach (var milestone in evaluation.Milestones)
{
    Console.WriteLine($"  {milestone.Name}: due {milestone.Due}, {EvaluationJson.StatusText(milestone.Status)}");
}

if (evaluation.NextTouch is { } next)
{
    Console.WriteLine($"  next: {next.Channel} by {next.Due}");
}

foreach (var warning in evaluation.Warnings)
{
    Console.WriteLine($"  warning {warning.Code} at {warning.Path}: {warning.Message}");
}

return 0;
