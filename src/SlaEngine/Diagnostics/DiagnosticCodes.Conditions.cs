namespace SlaEngine.Diagnostics;

/// <summary>Diagnostic codes of the condition language (SLA0400–SLA0499). See <c>docs/conditions.md</c>.</summary>
internal static partial class DiagnosticCodes
{
    /// <summary>A character that cannot start any token (e.g. <c>#</c>, a lone <c>=</c>, <c>!</c> or <c>&amp;&amp;</c>).</summary>
    internal const string ConditionInvalidCharacter = "SLA0401";

    /// <summary>A string literal is not closed before the end of the condition.</summary>
    internal const string ConditionUnterminatedString = "SLA0402";

    /// <summary>A number literal is malformed or out of the range of a double.</summary>
    internal const string ConditionInvalidNumber = "SLA0403";

    /// <summary>Syntax error: a token where it cannot stand (missing operand, chained comparison, trailing text...).</summary>
    internal const string ConditionUnexpectedToken = "SLA0404";

    /// <summary>Unbalanced parentheses or brackets: an opening one never closed or a closing one with no opening one.</summary>
    internal const string ConditionUnbalanced = "SLA0405";

    /// <summary>The condition text is empty or only white space.</summary>
    internal const string ConditionEmpty = "SLA0406";

    /// <summary>Parentheses, lists, function calls and <c>not</c> nest deeper than 64 levels.</summary>
    internal const string ConditionTooDeep = "SLA0407";

    /// <summary>The condition has more than 4096 tokens.</summary>
    internal const string ConditionTooLong = "SLA0408";

    /// <summary>A call to a function other than <c>exists</c>, <c>count</c> and <c>days_since</c>.</summary>
    internal const string ConditionUnknownFunction = "SLA0409";

    /// <summary>A function called with the wrong number or kinds of arguments.</summary>
    internal const string ConditionWrongArguments = "SLA0410";

    /// <summary>An invalid duration in a <c>count</c> window (unknown unit, fraction, <c>business</c> time).</summary>
    internal const string ConditionInvalidDuration = "SLA0411";

    /// <summary>The pattern of <c>matches</c> is not a valid .NET regular expression.</summary>
    internal const string ConditionInvalidRegex = "SLA0412";

    /// <summary>The right side of <c>matches</c> is not a string literal (or, with <c>any</c>, a list of string literals).</summary>
    internal const string ConditionPatternNotLiteral = "SLA0413";

    /// <summary>With <c>fields</c> declared: an identifier that is not a declared field (with a "did you mean" hint).</summary>
    internal const string ConditionUnknownIdentifier = "SLA0414";

    /// <summary>
    /// An operator or a condition position applied to values of the wrong type (e.g. <c>employees contains "x"</c>
    /// with a number field). An error with <c>fields</c> declared, a warning otherwise.
    /// </summary>
    internal const string ConditionTypeMismatch = "SLA0415";

    /// <summary>With <c>fields</c> declared: a string literal compared with an enum field is not one of its values.</summary>
    internal const string ConditionNotInEnum = "SLA0416";

    /// <summary><c>score</c> used where it is not allowed (in a scoring rule, where it would depend on itself).</summary>
    internal const string ConditionScoreNotAllowed = "SLA0417";

    /// <summary>
    /// A warning: a <c>matches</c> pattern repeats a group whose body itself repeats (<c>(a+)+</c>, <c>(.*)*</c>,
    /// <c>(\w+\s?)+</c>) or whose alternatives overlap (<c>(a|a)*</c>), which can backtrack catastrophically on input
    /// that almost matches. Matching gives up at the match timeout and counts as no match.
    /// </summary>
    internal const string ConditionRegexBacktracking = "SLA0418";
}
