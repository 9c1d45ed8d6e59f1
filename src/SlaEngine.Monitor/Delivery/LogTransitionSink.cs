using Microsoft.Extensions.Logging;

namespace SlaEngine.Monitor.Delivery;

/// <summary>A sink that logs each transition (name <c>log</c>).</summary>
internal sealed partial class LogTransitionSink(ILogger logger, LogLevel level) : ISlaTransitionSink
{
    public string Name => "log";

    public Task DeliverAsync(RecordedTransition transition, CancellationToken cancellationToken)
    {
        Log(logger, level, transition.LeadId, transition.Subject, transition.Field, transition.FromJson, transition.ToJson, transition.Key);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Message = "SLA transition of lead {LeadId}: {Subject}.{Field} {From} -> {To} (key {Key})")]
    private static partial void Log(ILogger logger, LogLevel level, string leadId, string subject, string field, string from, string to, string key);
}
