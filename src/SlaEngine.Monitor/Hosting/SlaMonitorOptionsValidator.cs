using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace SlaEngine.Monitor.Hosting;

/// <summary>Checks every option and reports every problem at once.</summary>
internal sealed partial class SlaMonitorOptionsValidator : IValidateOptions<SlaMonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaMonitorOptions options)
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(!string.IsNullOrWhiteSpace(options.ConnectionString), "SlaMonitorOptions.ConnectionString is required (SlaEngine:Monitor:Database): a SQLite file or an Npgsql connection string.");
        Check(Enum.IsDefined(options.SqliteDurability), $"SlaMonitorOptions.SqliteDurability is {options.SqliteDurability}; use Full or Normal.");
        Check(Enum.IsDefined(options.Provider), $"SlaMonitorOptions.Provider is {options.Provider}; use Sqlite or PostgreSql.");
        Check(options.BatchSize is >= 1 and <= 10_000, Invariant($"SlaMonitorOptions.BatchSize is {options.BatchSize}; it must be 1 to 10000."));
        Check(options.PollInterval > TimeSpan.Zero && options.PollInterval <= TimeSpan.FromHours(1), $"SlaMonitorOptions.PollInterval is {options.PollInterval}; it must be more than zero and at most 1 hour.");
        Check(options.LeaseDuration >= TimeSpan.FromSeconds(1), $"SlaMonitorOptions.LeaseDuration is {options.LeaseDuration}; it must be at least 1 second.");
        Check(options.UnevaluableRetry > Duration.Zero, $"SlaMonitorOptions.UnevaluableRetry is {options.UnevaluableRetry}; it must be positive.");
        Check(options.DeliveryBatchSize is >= 1 and <= 10_000, Invariant($"SlaMonitorOptions.DeliveryBatchSize is {options.DeliveryBatchSize}; it must be 1 to 10000."));
        Check(options.DeliveryConcurrency is >= 1 and <= 256, Invariant($"SlaMonitorOptions.DeliveryConcurrency is {options.DeliveryConcurrency}; it must be 1 to 256."));
        Check(options.MaxDeliveryAttempts is >= 1 and <= 1_000, Invariant($"SlaMonitorOptions.MaxDeliveryAttempts is {options.MaxDeliveryAttempts}; it must be 1 to 1000."));
        Check(options.DeliveryBackoff > Duration.Zero, $"SlaMonitorOptions.DeliveryBackoff is {options.DeliveryBackoff}; it must be positive.");
        Check(options.MaxDeliveryBackoff >= options.DeliveryBackoff, $"SlaMonitorOptions.MaxDeliveryBackoff is {options.MaxDeliveryBackoff}; it must be at least DeliveryBackoff ({options.DeliveryBackoff}).");
        Check(options.WebhookTimeout >= TimeSpan.FromMilliseconds(100) && options.WebhookTimeout <= TimeSpan.FromMinutes(5), $"SlaMonitorOptions.WebhookTimeout is {options.WebhookTimeout}; it must be 100 ms to 5 minutes.");
        Check(options.WebhookRetries is >= 0 and <= 10, Invariant($"SlaMonitorOptions.WebhookRetries is {options.WebhookRetries}; it must be 0 to 10."));
        Check(options.HealthyLag > Duration.Zero, $"SlaMonitorOptions.HealthyLag is {options.HealthyLag}; it must be positive.");
        Check(options.InstanceName is null || (options.InstanceName.Length is > 0 and <= 200), "SlaMonitorOptions.InstanceName must be 1 to 200 characters when set.");

        var names = new List<string>();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var webhook = options.Webhooks[i];
            var at = Invariant($"SlaMonitorOptions.Webhooks[{i}]");
            if (webhook is null)
            {
                errors.Add($"{at} is null.");
                continue;
            }

            Check(SinkName().IsMatch(webhook.Name ?? ""), $"{at}.Name is '{webhook.Name}'; use 1 to 64 letters, digits, '-', '_' or '.'.");
            Check(webhook.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps), $"{at}.Url is '{webhook.Url}'; it must be an absolute http or https address.");
            Check((webhook.Secret ?? "").Length >= 16, $"{at}.Secret must be at least 16 characters.");
            names.Add(webhook.Name ?? "");
        }

        if (options.LogSinkLevel is not null)
        {
            names.Add("log");
        }

        foreach (var sink in options.Sinks)
        {
            Check(SinkName().IsMatch(sink.Name ?? ""), $"The sink name '{sink.Name}' is invalid; use 1 to 64 letters, digits, '-', '_' or '.'.");
            names.Add(sink.Name ?? "");
        }

        foreach (var duplicate in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"The sink name '{duplicate.Key}' is used {duplicate.Count()} times; each sink needs its own name.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SinkName();
}
