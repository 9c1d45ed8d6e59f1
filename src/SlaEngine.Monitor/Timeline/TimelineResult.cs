using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Monitor.Timeline;

/// <summary>The transitions of a lead in <c>(at, until]</c> and the first of them.</summary>
internal sealed record TimelineResult(Instant? NextChangeAt, ImmutableArray<TimelineItem> Transitions);
