namespace SlaEngine.Conditions;

/// <summary>The kinds of tokens of the condition language.</summary>
internal enum TokenKind
{
    /// <summary>The end of the text.</summary>
    End,

    /// <summary>An identifier: a lead attribute, <c>score</c>, a function name, an event type or a duration unit.</summary>
    Identifier,

    /// <summary>A number literal.</summary>
    Number,

    /// <summary>A string literal.</summary>
    String,

    /// <summary><c>(</c>.</summary>
    OpenParen,

    /// <summary><c>)</c>.</summary>
    CloseParen,

    /// <summary><c>[</c>.</summary>
    OpenBracket,

    /// <summary><c>]</c>.</summary>
    CloseBracket,

    /// <summary><c>,</c>.</summary>
    Comma,

    /// <summary><c>==</c>.</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>and</c>.</summary>
    And,

    /// <summary><c>or</c>.</summary>
    Or,

    /// <summary><c>not</c>.</summary>
    Not,

    /// <summary><c>in</c>.</summary>
    In,

    /// <summary><c>contains</c>.</summary>
    Contains,

    /// <summary><c>starts_with</c>.</summary>
    StartsWith,

    /// <summary><c>ends_with</c>.</summary>
    EndsWith,

    /// <summary><c>matches</c>.</summary>
    Matches,

    /// <summary><c>any</c>.</summary>
    Any,

    /// <summary><c>true</c>.</summary>
    True,

    /// <summary><c>false</c>.</summary>
    False,

    /// <summary><c>null</c>.</summary>
    Null,
}
