namespace SlaEngine.Conditions;

/// <summary>The declared type of a lead attribute in a policy's <c>fields:</c> schema.</summary>
internal enum FieldKind
{
    /// <summary><c>number</c>: a JSON number.</summary>
    Number,

    /// <summary><c>string</c>: a JSON string.</summary>
    String,

    /// <summary><c>bool</c>: a JSON boolean.</summary>
    Boolean,

    /// <summary><c>{ enum: [..] }</c>: a string from a closed set (compared ignoring case).</summary>
    Enum,

    /// <summary><c>instant</c>: an ISO-8601 instant held as a string, e.g. <c>2026-11-20T15:30:00Z</c>.</summary>
    Instant,

    /// <summary><c>list</c>: a JSON array.</summary>
    List,
}
