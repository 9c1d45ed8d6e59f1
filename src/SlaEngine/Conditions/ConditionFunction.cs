namespace SlaEngine.Conditions;

/// <summary>The built-in functions of the condition language.</summary>
internal enum ConditionFunction
{
    /// <summary><c>exists(attribute)</c>: the attribute is present and not null.</summary>
    Exists,

    /// <summary><c>count(event_type)</c> or <c>count(event_type, 30 days)</c>: the number of events.</summary>
    Count,

    /// <summary><c>days_since(attribute_or_event_type)</c>: fractional days since an instant attribute or the latest event.</summary>
    DaysSince,
}
