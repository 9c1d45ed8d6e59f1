// SlaEngine web host (minimal API).
//
//   POST /evaluate?policy=ID[&version=N][&at=INSTANT][&explain=true]   body: one lead (JSON)  -> the evaluation (JSON)
//   GET  /policies                                                   -> every policy id, its versions and the active one
//   POST /policies/reload                                            -> re-reads the policy files; a failed reload keeps the old ones
//
//   and the SLA monitor (MonitorEndpoints.cs): PUT /leads/{id}?policy=P, POST /leads/{id}/touches|events|paused|disposition,
//   GET /leads/{id}, GET /transitions?after=N&limit=M, GET /health; pictures of the stored leads (PictureEndpoints.cs):
//   GET /leads/{id}/timeline.svg, GET /report.html?policy=P. Every endpoint but /health needs Authorization: Bearer KEY.
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
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
    options.SerializerOptions.Converters.Add(new LeadEvaluationJsonConverter());   // an evaluation is written as the evaluate line
});

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
app.MapPictures();   // GET /leads/{id}/timeline.svg and GET /report.html?policy=P (PictureEndpoints.cs)

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
        return ApiErrors.BadRequest(DiagnosticCodes.InvalidArgument, "the 'policy' query parameter is required, for example /evaluate?policy=lattice-predictive");
    }

    Instant instant;
    if (at is null)
    {
        // A host may read the clock; the engine never does. Pass `at` for reproducible answers.
        instant = SystemClock.Instance.GetCurrentInstant();
    }
    else if (!InstantText.TryParse(at, out instant))
    {
        return ApiErrors.BadRequest(DiagnosticCodes.InvalidArgument, $"'at' is '{at}', which is not an ISO-8601 instant with Z or an offset (2026-11-22T12:00:00Z)");
    }

    var snapshot = store.Current;   // one snapshot for the whole request, even if a reload happens meanwhile
    var found = version is { } v ? snapshot.TryGet(policy, v, out var selected) : snapshot.TryGetActive(policy, out selected);
    if (!found || selected is null)
    {
        var known = string.Join(", ", snapshot.PolicyIds);
        return ApiErrors.NotFound(version is null ? $"no policy '{policy}'; loaded: {known}" : $"no policy '{policy}' version {version}");
    }

    var body = await RequestBody.ReadAsync(request, LeadSnapshot.MaxJsonBytes);
    if (body is null)
    {
        return ApiErrors.BadRequest(DiagnosticCodes.LeadValueOutOfRange, $"the lead is larger than {LeadSnapshot.MaxJsonBytes} bytes");
    }

    // Bad data comes back as values with codes: no try/catch, no exception text to take apart.
    var read = LeadSnapshot.Parse(body.Value.Span);
    if (!read.TryGetValue(out var lead))
    {
        return ApiErrors.BadRequest(read.Error!);
    }

    var options = explain == true ? EvaluationOptions.WithTrace : EvaluationOptions.Default;
    var result = selected.TryEvaluate(lead, instant, options);
    if (!result.TryGetValue(out var evaluation))
    {
        return ApiErrors.BadRequest(result.Error!);
    }

    return explain == true
        ? Results.Bytes(EvaluationJson.SerializeToUtf8Bytes(evaluation, EvaluationJsonOptions.WithTrace), "application/json")
        : Results.Ok(evaluation);
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
