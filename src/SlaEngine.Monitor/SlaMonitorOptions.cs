using Microsoft.Extensions.Logging;
using NodaTime;
using SlaEngine.Monitor.Delivery;

namespace SlaEngine.Monitor;

/// <summary>
/// Configures an <see cref="SlaMonitor"/>: the database, the scheduler, delivery and the sinks. Set through
/// <see cref="SlaMonitorServiceCollectionExtensions.AddSlaMonitor"/>.
/// </summary>
/// <remarks>
/// Mutable and not thread-safe: configure it once, at start-up. Every value is checked when the host starts (or when
/// the monitor is first resolved), and every problem is reported at once in one
/// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>.
/// </remarks>
/// <example>
/// <code>
/// services.AddSlaEngine(o => o.AddPolicyDirectory("policies"));
/// services.AddSlaMonitor(o => o
///     .UseSqlite("Data Source=monitor.db")
///     .AddWebhook("crm", new Uri("https://crm.example.com/sla"), secret));
/// </code>
/// </example>
public sealed class SlaMonitorOptions
{
    private readonly List<ISlaTransitionSink> _sinks = [];

    /// <summary>Gets or sets the database provider. Default <see cref="MonitorDatabaseProvider.Sqlite"/>.</summary>
    public MonitorDatabaseProvider Provider { get; set; } = MonitorDatabaseProvider.Sqlite;

    /// <summary>
    /// Gets or sets the connection string: for SQLite, for example <c>Data Source=/var/lib/slaengine/monitor.db</c>
    /// (a bare file path is accepted too); for PostgreSQL an Npgsql connection string. Required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets how SQLite makes writes durable. Default <see cref="SqliteDurability.Full"/>: an acknowledged write
    /// survives a power loss. Ignored for PostgreSQL (whose <c>synchronous_commit</c> is the server's).
    /// </summary>
    public SqliteDurability SqliteDurability { get; set; } = SqliteDurability.Full;

    /// <summary>Gets or sets how many due leads the scheduler takes per transaction. Default 256; 1 to 10,000.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// Gets or sets how long the scheduler and delivery sleep when nothing is due. Default 1 second; more than zero and
    /// at most 1 hour. A lead becomes due at its <c>next_change_at</c>, so its transitions are recorded at most about
    /// this long after they happen.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets how long a process holds the leads and deliveries it took before another process may take them
    /// (measured on the database server's clock, so a killed process releases its work after this long). Default 1
    /// minute; at least 1 second.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how often a lead whose policy is not loaded is looked at again (it is kept and reported, never
    /// dropped). Default 5 minutes.
    /// </summary>
    public Duration UnevaluableRetry { get; set; } = Duration.FromMinutes(5);

    /// <summary>Gets or sets whether the hosted scheduler runs in this process. Default <see langword="true"/>.</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>Gets or sets whether the hosted delivery runs in this process. Default <see langword="true"/>.</summary>
    public bool RunDelivery { get; set; } = true;

    /// <summary>Gets or sets how many deliveries are taken per batch. Default 128; 1 to 10,000.</summary>
    public int DeliveryBatchSize { get; set; } = 128;

    /// <summary>Gets or sets how many deliveries run at once. Default 8; 1 to 256.</summary>
    public int DeliveryConcurrency { get; set; } = 8;

    /// <summary>
    /// Gets or sets after how many failed delivery attempts a transition is parked as dead for that sink. Default 10;
    /// 1 to 1,000. One attempt is one call of the sink; a webhook retries inside an attempt as well (see
    /// <see cref="WebhookRetries"/>).
    /// </summary>
    public int MaxDeliveryAttempts { get; set; } = 10;

    /// <summary>
    /// Gets or sets the wait after the first failed attempt; it doubles after each failure up to
    /// <see cref="MaxDeliveryBackoff"/>. Default 5 seconds.
    /// </summary>
    public Duration DeliveryBackoff { get; set; } = Duration.FromSeconds(5);

    /// <summary>Gets or sets the longest wait between two failed attempts. Default 1 hour.</summary>
    public Duration MaxDeliveryBackoff { get; set; } = Duration.FromHours(1);

    /// <summary>Gets or sets the timeout of one webhook request. Default 10 seconds; 100 ms to 5 minutes.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how many times one attempt retries a webhook request that failed transiently (a network error, a
    /// timeout, HTTP 408, 429 or 5xx), with exponential backoff and jitter. Default 2; 0 to 10.
    /// </summary>
    public int WebhookRetries { get; set; } = 2;

    /// <summary>
    /// Gets or sets the scheduler lag above which the health check reports the monitor degraded: how long the oldest
    /// due lead has been waiting. Default 1 minute.
    /// </summary>
    public Duration HealthyLag { get; set; } = Duration.FromMinutes(1);

    /// <summary>
    /// Gets or sets this process's name in leases and in the <c>recorded_by</c> column. Default: machine name, process
    /// id and a random suffix.
    /// </summary>
    public string? InstanceName { get; set; }

    /// <summary>Gets the webhooks that receive every recorded transition.</summary>
    public IList<WebhookSinkOptions> Webhooks { get; } = new List<WebhookSinkOptions>();

    /// <summary>Gets or sets the log sink's level, or <see langword="null"/> (the default) for no log sink.</summary>
    public LogLevel? LogSinkLevel { get; set; }

    /// <summary>Gets the sinks of the host's own code, added with <see cref="AddSink(ISlaTransitionSink)"/>.</summary>
    public IReadOnlyList<ISlaTransitionSink> Sinks => _sinks;

    /// <summary>Uses SQLite.</summary>
    /// <param name="connectionString">A connection string (<c>Data Source=monitor.db</c>) or a file path.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is null.</exception>
    public SlaMonitorOptions UseSqlite(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        Provider = MonitorDatabaseProvider.Sqlite;
        ConnectionString = connectionString;
        return this;
    }

    /// <summary>Uses PostgreSQL.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is null.</exception>
    public SlaMonitorOptions UsePostgreSql(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        Provider = MonitorDatabaseProvider.PostgreSql;
        ConnectionString = connectionString;
        return this;
    }

    /// <summary>Adds a signed webhook.</summary>
    /// <param name="name">The sink's stable name.</param>
    /// <param name="url">Where to post.</param>
    /// <param name="secret">The shared signing secret.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SlaMonitorOptions AddWebhook(string name, Uri url, string secret)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(secret);
        Webhooks.Add(new WebhookSinkOptions { Name = name, Url = url, Secret = secret });
        return this;
    }

    /// <summary>Logs every recorded transition (sink name <c>log</c>).</summary>
    /// <param name="level">The level; default <see cref="LogLevel.Information"/>.</param>
    /// <returns>These options, for chaining.</returns>
    public SlaMonitorOptions AddLogSink(LogLevel level = LogLevel.Information)
    {
        LogSinkLevel = level;
        return this;
    }

    /// <summary>Adds a sink of the host's own code.</summary>
    /// <param name="sink">The sink.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sink"/> is null.</exception>
    public SlaMonitorOptions AddSink(ISlaTransitionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sinks.Add(sink);
        return this;
    }

    /// <summary>Adds a delegate as a sink: it is called once per transition (at least once; a throw is a failed attempt).</summary>
    /// <param name="name">The sink's stable name.</param>
    /// <param name="deliver">The delegate.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SlaMonitorOptions AddSink(string name, Func<RecordedTransition, CancellationToken, Task> deliver)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(deliver);
        _sinks.Add(new DelegateTransitionSink(name, deliver));
        return this;
    }
}
