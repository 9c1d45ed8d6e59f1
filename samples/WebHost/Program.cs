// SlaEngine web host (minimal API).
//
//   POST /evaluate?policy=ID[&version=N][&at=INSTANT][&explain=true]   body: one lead (JSON)  -> the evaluation (JSON)
//   GET  /policies                                                   -> every policy id, its versions and the active one
//   POST /policies/reload                                            -> re-reads the policy files; a failed reload keeps the old ones
//
//   and the SLA monitor (MonitorEndpoints.cs): PUT /leads/{id}?policy=P, POST /leads/{id}/touches|events|paused|disposition,
//   GET /leads/{id}, GET /transitions?after=N&limit=M, GET /health. Every endpoint but /health needs Authorization: Bearer KEY.
//
// Configuration: SlaEngine:Policies (default: the policies/ folder next to the app; SlaEngine:PolicyDirectory is accepted too),
// SlaEngine:Monitor:Provider (sqlite|postgres), SlaEngine:Monitor:Database, SlaEngine:Monitor:ApiKey (required), for example
//   dotnet SlaEngine.Samples.WebHost.dll --SlaEngine:Policies /etc/slaengine/policies --SlaEngine:Monitor:ApiKey "$KEY"
// It listens on http://127.0.0.1:5080 unless --urls says otherwise.
using System.Text.Json;
using NodaTime;
using SlaEngine;
using SlaEngine.Evaluation;
using SlaEngine.Samples.WebHost;
using SlaEngine.Diagnostics;
using SlaEngine.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var policyDirectory = builder.Configuration["SlaEngine:Policies"] ?? builder.Configuration["SlaEngine:PolicyDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "policies");
var monitorProblems = builder.AddMonitor();   // the SLA monitor: MonitorHosting.cs and MonitorEndpoints.cs
builder.Services.AddSlaEngine(options => options.AddPolicyDirectory(policyDirectory));
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);

var app = builder.Build();
foreach (var problem in monitorProblems)
{
    Console.Error.WriteLine(problem);
}

if (monitorProblems.Count > 0)
{
    return 1;
}

app.UseApiKey();
app.MapMonitor();

// Load every policy before serving: a bad policy stops the host with every error, file:line:column.
try
{
    var store = app.Services.GetRequiredService<IPolicyStore>();
    app.Logger.LogInformation("Loaded {Count} policies from {Directory}: {Ids}", store.Policies.Length, policyDirectory, string.Join(", ", store.Current.PolicyIds));
    foreach (var warning in store.Current.Warnings)
    {
        app.Logger.LogWarning("{Warning}", warning.ToString());
    }
}
catch (PolicyValidationException e)
{
    foreach (var diagnostic in e.Diagnostics)
    {
        Console.Error.WriteLine(diagnostic);
    }

    return 1;
}

app.MapPost("/evaluate", async (HttpRequest request, IPolicyStore store, string? policy, int? version, string? at, bool? explain) =>
{
    if (string.IsNullOrEmpty(policy))
    {
        return ApiErrors.BadRequest("SLA0802", "the 'policy' query parameter is required, for example /evaluate?policy=lattice-predictive");
    }

    Instant instant;
    if (at is null)
    {
        // A host may read the clock; the engine never does. Pass `at` for reproducible answers.
        instant = SystemClock.Instance.GetCurrentInstant();
    }
    else if (!LeadJson.TryParseInstant(at, out instant))
    {
        return ApiErrors.BadRequest("SLA0802", $"'at' is '{at}', which is not an ISO-8601 instant with Z or an offset (2026-11-22T12:00:00Z)");
    }

    var snapshot = store.Current;   // one snapshot for the whole request, even if a reload happens meanwhile
    var found = version is { } v ? snapshot.TryGet(policy, v, out var selected) : snapshot.TryGetActive(policy, out selected);
    if (!found || selected is null)
    {
        var known = string.Join(", ", snapshot.PolicyIds);
        return ApiErrors.NotFound(version is null ? $"no policy '{policy}'; loaded: {known}" : $"no policy '{policy}' version {version}");
    }

    var body = await RequestBody.ReadAsync(request, LeadJson.MaxLineBytes);
    if (body is null)
    {
        return ApiErrors.BadRequest("SLA0707", $"the lead is larger than {LeadJson.MaxLineBytes} bytes");
    }

    var read = LeadJson.Read(body.Value);
    if (!read.Success)
    {
        return ApiErrors.BadRequest(read.ErrorCode, read.ErrorMessage, read.Id);
    }

    LeadEvaluation evaluation;
    try
    {
        evaluation = selected.Evaluate(read.Lead, instant, explain == true ? EvaluationOptions.Default : EvaluationOptions.WithoutTrace);
    }
    catch (ArgumentOutOfRangeException e)
    {
        return ApiErrors.BadRequest("SLA0707", e.Message.Split(" (Parameter")[0], read.Id);
    }
    catch (ArgumentException e)
    {
        // The lead pins (`assigned`) a tier or team the policy does not define.
        return ApiErrors.BadRequest("SLA0705", e.Message.Split(" (Parameter")[0], read.Id);
    }

    return Results.Text(EvaluationJson.Serialize(evaluation, explain == true), "application/json");
});

app.MapGet("/policies", (IPolicyStore store) =>
{
    var snapshot = store.Current;
    return Results.Json(new
    {
        snapshot.Generation,
        Policies = snapshot.ActivePolicies.Select(p => new
        {
            p.Id,
            Active = p.Version,
            Versions = snapshot.GetVersions(p.Id),
            p.Description,
        }),
    });
});

app.MapPost("/policies/reload", (IPolicyStore store) =>
{
    var result = store.Reload();
    var body = new
    {
        result.Success,
        result.Current.Generation,
        Diagnostics = result.Diagnostics.Select(d => new
        {
            d.Code,
            Severity = d.IsError ? "error" : "warning",
            d.Message,
            d.File,
            d.Line,
            d.Column,
            Text = d.ToString(),
        }),
    };
    return Results.Json(body, statusCode: result.Success ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
});

app.Run();
return 0;
