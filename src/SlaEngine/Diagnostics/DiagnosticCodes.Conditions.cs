namespace SlaEngine.Diagnostics;

/// <summary>Diagnostic codes of the condition language (SLA0400–SLA0499). See <c>docs/conditions.md</c>.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>A character that cannot start any token (e.g. <c>#</c>, a lone <c>=</c>, <c>!</c> or <c>&amp;&amp;</c>).</summary>
    public const string ConditionInvalidCharacter = "SLA0401";

    /// <summary>A string literal is not closed before the end of the condition.</summary>
    public const string ConditionUnterminatedString = "SLA0402";

    /// <summary>A number literal is malformed or out of the range of a double.</summary>
    public const string ConditionInvalidNumber = "SLA0403";

    /// <summary>Syntax error: a token where it cannot stand (missing operand, chained comparison, trailing text...).</summary>
    public const string ConditionUnexpectedToken = "SLA0404";

    /// <summary>Unbalanced parentheses or brackets: an opening one never closed or a closing one with no opening one.</summary>
    public const string ConditionUnbalanced = "SLA0405";

    /// <summary>The condition text is empty or only white space.</summary>
    public const string ConditionEmpty = "SLA0406";

    /// <summary>Parentheses, lists, function calls and <c>not</c> nest deeper than 64 levels.</summary>
    public const string ConditionTooDeep = "SLA0407";

    /// <summary>The condition has more than 4096 tokens.</summary>
    public const string ConditionTooLong = "SLA0408";

    /// <summary>A call to a function other than <c>exists</c>, <c>count</c> and <c>days_since</c>.</summary>
    public const string ConditionUnknownFunction = "SLA0409";

    /// <summary>A function called with the wrong number or kinds of arguments.</summary>
    public const string ConditionWrongArguments = "SLA0410";

    /// <summary>An invalid duration in a <c>count</c> window (unknown unit, fraction, <c>business</c> time).</summary>
    public const string ConditionInvalidDuration = "SLA0411";

    /// <summary>The pattern of <c>matches</c> is not a valid .NET regular expression.</summary>
    public const string ConditionInvalidRegex = "SLA0412";

    /// <summary>The right side of <c>matches</c> is not a string literal (or, with <c>any</c>, a list of string literals).</summary>
    public const string ConditionPatternNotLiteral = "SLA0413";

    /// <summary>With <c>fields</c> declared: an identifier that is not a declared field (with a "did you mean" hint).</summary>
    public const string ConditionUnknownIdentifier = "SLA0414";

    /// <summary>
    /// An operator or a condition position applied to values of the wrong type (e.g. <c>employees contains "x"</c>
    /// with a number field). An error with <c>fields</c> declared, a warning otherwise.
    /// </summary>
    public const string ConditionTypeMismatch = "SLA0415";

    /// <summary>With <c>fields</c> declared: a string literal compared with an enum field is not one of its values.</summary>
    public const string ConditionNotInEnum = "SLA0416";

    /// <summary><c>score</c> used where it is not allowed (in a scoring rule, where it would depend on itself).</summary>
    public const string ConditionScoreNotAllowed = "SLA0417";

    /// <summary>
    /// No longer reported. It warned of <c>matches</c> patterns prone to catastrophic backtracking; patterns now run on
    /// the non-backtracking engine, in time linear in the input, so no pattern can backtrack. Kept so the code is never
    /// reused.
    /// </summary>
    public const string ConditionRegexBacktracking = "SLA0418";

    /// <summary>
    /// A <c>matches</c> pattern uses a construct the linear-time (non-backtracking) regex engine does not have:
    /// backreferences (<c>\1</c>, <c>\k&lt;name&gt;</c>), lookarounds (<c>(?=…)</c>, <c>(?!…)</c>, <c>(?&lt;=…)</c>,
    /// <c>(?&lt;!…)</c>), atomic groups (<c>(?&gt;…)</c>), conditionals or balancing groups; or it repeats so many times
    /// (<c>.{1,50000}</c>) that it needs more than 10,000 states. Located at the pattern.
    /// </summary>
    public const string ConditionRegexUnsupported = "SLA0419";
}
