using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Conditions;

namespace SlaEngine.Conditions;

/// <summary>
/// What a compiled <see cref="Condition"/> can read about one lead at one instant. Implemented by the evaluator.
/// </summary>
/// <remarks>Implementations must not throw: conditions never throw, and they call straight into the scope.</remarks>
internal interface IConditionScope
{
    /// <summary>Gets the computed score (the identifier <c>score</c>).</summary>
    double Score { get; }

    /// <summary>Gets the evaluation instant.</summary>
    Instant At { get; }

    /// <summary>Gets a lead attribute; a missing attribute gives <see cref="LeadValue.Null"/>.</summary>
    /// <param name="name">The attribute name (case-sensitive).</param>
    /// <returns>The value.</returns>
    LeadValue GetAttribute(string name);

    /// <summary>Reads an attribute by the slot its policy gave it (<see cref="AttributeSlots"/>); a negative slot reads by name.</summary>
    /// <param name="slot">The slot, or -1.</param>
    /// <param name="name">The attribute's name.</param>
    /// <returns>The value, or null when the lead does not have it.</returns>
    LeadValue GetAttribute(int slot, string name);

    /// <summary>Counts the events of a type at or before <see cref="At"/>.</summary>
    /// <param name="eventType">The event type.</param>
    /// <param name="window">When set, only events with <c>At - window &lt;= e.at</c> count.</param>
    /// <returns>The number of events.</returns>
    int CountEvents(string eventType, Duration? window);

    /// <summary>Gets the latest event of a type at or before <see cref="At"/>.</summary>
    /// <param name="eventType">The event type.</param>
    /// <returns>Its instant, or <see langword="null"/> when there is none.</returns>
    Instant? LatestEvent(string eventType);
}
