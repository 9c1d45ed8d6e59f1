using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using SlaEngine.Monitor;

namespace SlaEngine.Samples.WebHost;

/// <summary>
/// The monitor's configuration for the web host: <c>SlaEngine:Monitor:Provider</c> (<c>sqlite</c>, the default, or
/// <c>postgres</c>), <c>SlaEngine:Monitor:Database</c> (a SQLite file or an Npgsql connection string; default
/// <c>slaengine-monitor.db</c>), <c>SlaEngine:Monitor:ApiKey</c> (required: the bearer key of every endpoint but
/// <c>/health</c>), optional webhooks <c>SlaEngine:Monitor:Webhooks:N:Name|Url|Secret</c>; a 1 MiB request body limit;
/// loopback unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.
/// </summary>
internal static class MonitorHosting
{
    /// <summary>The largest request body, in bytes.</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>Adds the monitor to the builder; returns the problems of its configuration (empty when it is fine).</summary>
    public static List<string> AddMonitor(this WebApplicationBuilder builder)
    {
        var problems = new List<string>();
        var section = builder.Configuration.GetSection("SlaEngine:Monitor");
        var provider = section["Provider"] ?? "sqlite";
        if (provider is not ("sqlite" or "postgres"))
        {
            problems.Add($"SlaEngine:Monitor:Provider is '{provider}'; use sqlite or postgres");
        }

        if (string.IsNullOrWhiteSpace(section["ApiKey"]) || section["ApiKey"]!.Length < 16)
        {
            problems.Add("SlaEngine:Monitor:ApiKey is required (at least 16 characters): every endpoint but /health asks for 'Authorization: Bearer KEY'");
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5080");
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.AddHealthChecks();
        builder.Services.AddSlaMonitor(o =>
        {
            var database = section["Database"] ?? "slaengine-monitor.db";
            if (provider == "postgres")
            {
                o.UsePostgreSql(database);
            }
            else
            {
                o.UseSqlite(database);
            }

            foreach (var webhook in section.GetSection("Webhooks").GetChildren())
            {
                o.Webhooks.Add(new WebhookSinkOptions
                {
                    Name = webhook["Name"] ?? "",
                    Url = Uri.TryCreate(webhook["Url"], UriKind.Absolute, out var url) ? url : null,
                    Secret = webhook["Secret"] ?? "",
                });
            }

            if (section.GetValue<bool>("LogTransitions"))
            {
                o.AddLogSink();
            }
        });
        return problems;
    }

    /// <summary>Requires <c>Authorization: Bearer KEY</c> on every request but <c>/health</c> (401 otherwise).</summary>
    public static void UseApiKey(this WebApplication app)
    {
        var expected = Encoding.UTF8.GetBytes("Bearer " + app.Configuration["SlaEngine:Monitor:ApiKey"]);
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health"))
            {
                await next(context);
                return;
            }

            var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
            if (!CryptographicOperations.FixedTimeEquals(given, expected))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsJsonAsync(new { Error = new { Code = "unauthorized", Message = "send 'Authorization: Bearer KEY' with the key of SlaEngine:Monitor:ApiKey" } });
                return;
            }

            await next(context);
        });
    }
}
