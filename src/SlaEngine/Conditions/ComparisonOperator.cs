namespace SlaEngine.Conditions;

/// <summary>The comparison operators of the condition language.</summary>
internal enum ComparisonOperator
{
    /// <summary><c>==</c>: equal (strings ignoring case).</summary>
    Equal,

    /// <summary><c>!=</c>: not equal (strings ignoring case).</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>in</c>: member of a list.</summary>
    In,

    /// <summary><c>not in</c>: not a member of a list.</summary>
    NotIn,

    /// <summary><c>contains</c>: substring of a string, or member of a list value.</summary>
    Contains,

    /// <summary><c>starts_with</c>.</summary>
    StartsWith,

    /// <summary><c>ends_with</c>.</summary>
    EndsWith,

    /// <summary><c>matches</c>: .NET regular expression match.</summary>
    Matches,
}
