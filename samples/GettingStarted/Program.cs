using NodaTime;
using SlaEngine;
using SlaEngine.Evaluation;

// 1. Load and check the policy: a PolicyValidationException lists every error as file:line:column.
var policy = PolicyLoader.LoadFile("first-policy.yaml");

// 2. A lead snapshot, as a CRM would send it (one JSON object).
var read = LeadJson.Read("""
    {"id":"L-1","mql_at":"2026-11-20T15:30:00Z",
     "attributes":{"employees":250,"title":"VP Marketing"},
     "touches":[{"channel":"call","at":"2026-11-20T16:10:00Z"}]}
    """);
if (!read.Success)
{
    Console.WriteLine($"{read.ErrorCode}: {read.ErrorMessage}");
    return;
}

// 3. Evaluate at an instant you choose: the engine never reads the clock.
var evaluation = policy.Evaluate(read.Lead, Instant.FromUtc(2026, 11, 23, 15, 0));

Console.WriteLine($"{evaluation.Id}: {EvaluationJson.StatusText(evaluation.Status)} ({evaluation.Reason}), tier {evaluation.Tier}, team {evaluation.Team}");
foreach (var milestone in evaluation.Milestones)
{
    Console.WriteLine($"  {milestone.Name}: due {milestone.Due}, {EvaluationJson.StatusText(milestone.Status)}");
}

if (evaluation.NextTouch is { } next)
{
    Console.WriteLine($"  next: {next.Channel} by {next.Due}");
}
