using NodaTime;

namespace SlaEngine.Monitor.Timeline;

/// <summary>One transition of a lead's timeline, as the monitor stores it.</summary>
internal readonly record struct TimelineItem(Instant At, string Subject, string Field, string FromJson, string ToJson, string Key);
