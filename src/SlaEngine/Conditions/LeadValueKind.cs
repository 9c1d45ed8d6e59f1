namespace SlaEngine.Conditions;

/// <summary>The kind of value held by a <see cref="LeadValue"/>.</summary>
public enum LeadValueKind
{
    /// <summary>No value: a missing attribute or an explicit JSON <c>null</c>.</summary>
    Null,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A number (a <see cref="double"/>).</summary>
    Number,

    /// <summary>A string.</summary>
    String,

    /// <summary>A list of values.</summary>
    List,
}
