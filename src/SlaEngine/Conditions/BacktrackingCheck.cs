using System.Globalization;

namespace SlaEngine.Conditions;

/// <summary>
/// A conservative, syntactic look for <c>matches</c> patterns prone to catastrophic backtracking (SLA0418): a group
/// repeated more than once (<c>*</c>, <c>+</c>, <c>{n,}</c>, <c>{n,m}</c> with m &gt; 1) whose body holds an unbounded
/// repetition — <c>(a+)+</c>, <c>(a*)*</c>, <c>(.*)*</c>, <c>(\w+\s?)+</c> — or whose alternatives can match the same
/// text — <c>(a|a)*</c>, <c>(a|aa)+</c>. A bounded inner repetition, as in <c>(\d{1,3}\.){3}</c>, does not count.
/// </summary>
/// <remarks>
/// It reads the pattern once, left to right, in time linear in its length, and only after <see cref="System.Text.RegularExpressions.Regex"/>
/// accepted it. It may warn about a pattern that is in fact harmless (the inner repetition may be unambiguous), never
/// about one without a repeated group; atomic groups <c>(?&gt;…)</c> and lookarounds do not backtrack into their
/// bodies, so repetition inside them does not count, and a repeated atomic group is not flagged.
/// </remarks>
internal static class BacktrackingCheck
{
    /// <summary>Finds the first risky repeated group of a pattern.</summary>
    /// <param name="pattern">A valid .NET regular expression.</param>
    /// <param name="start">The offset of the group's opening parenthesis.</param>
    /// <param name="length">The length of the group and its quantifier.</param>
    /// <returns>Whether the pattern has such a group.</returns>
    public static bool TryFindNestedRepetition(string pattern, out int start, out int length)
    {
        var groups = new Stack<Group>();
        var top = new Group(-1, atomic: false);
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    i = Quantifier(pattern, Math.Min(i + 2, pattern.Length), top);
                    continue;
                case '[':
                    i = Quantifier(pattern, SkipClass(pattern, i), top);
                    continue;
                case '(':
                    if (string.CompareOrdinal(pattern, i, "(?#", 0, 3) == 0)
                    {
                        var close = pattern.IndexOf(')', i);
                        i = close < 0 ? pattern.Length : close + 1;
                        continue;
                    }

                    var (bodyStart, atomic, isOption) = GroupKind(pattern, i);
                    if (isOption)
                    {
                        i = bodyStart;
                        continue;
                    }

                    groups.Push(top);
                    top = new Group(i, atomic) { BodyStart = bodyStart };
                    i = bodyStart;
                    continue;
                case ')':
                    if (groups.Count == 0)
                    {
                        i++;
                        continue;
                    }

                    var group = top;
                    group.CloseAlternative(pattern, i);
                    top = groups.Pop();
                    var end = QuantifierEnd(pattern, i + 1, out var repeat);
                    if (repeat >= Repeat.Many && !group.Atomic && (group.InnerRepetition || group.OverlappingAlternatives))
                    {
                        start = group.Start;
                        length = end - group.Start;
                        return true;
                    }

                    // Repetition inside an atomic group or lookaround is not backtracked into from outside.
                    top.InnerRepetition |= !group.Atomic && (group.InnerRepetition || repeat == Repeat.Unbounded);
                    i = end;
                    continue;
                case '|':
                    top.CloseAlternative(pattern, i);
                    top.AlternativeStart = i + 1;
                    i++;
                    continue;
                default:
                    i = Quantifier(pattern, i + 1, top);
                    continue;
            }
        }

        start = 0;
        length = 0;
        return false;
    }

    private enum Repeat
    {
        /// <summary>No quantifier, <c>?</c>, <c>{n}</c> or <c>{n,1}</c>: at most one way to repeat.</summary>
        Once,

        /// <summary><c>{n,m}</c> with m &gt; 1 and m &gt; n.</summary>
        Many,

        /// <summary><c>*</c>, <c>+</c>, <c>{n,}</c>.</summary>
        Unbounded,
    }

    /// <summary>Reads the quantifier of an atom; an unbounded one makes the enclosing group's body repeat.</summary>
    private static int Quantifier(string pattern, int i, Group group)
    {
        var end = QuantifierEnd(pattern, i, out var repeat);
        group.InnerRepetition |= repeat == Repeat.Unbounded;
        return end;
    }

    /// <summary>Reads an optional quantifier at <paramref name="i"/> (with its lazy <c>?</c>).</summary>
    /// <returns>The offset after it.</returns>
    private static int QuantifierEnd(string pattern, int i, out Repeat repeat)
    {
        repeat = Repeat.Once;
        if (i >= pattern.Length)
        {
            return i;
        }

        int end;
        switch (pattern[i])
        {
            case '*' or '+':
                repeat = Repeat.Unbounded;
                end = i + 1;
                break;
            case '?':
                end = i + 1;
                break;
            case '{':
                var close = pattern.IndexOf('}', i);
                if (close < 0 || !TryReadRange(pattern.AsSpan(i + 1, close - i - 1), out var min, out var max))
                {
                    return i;
                }

                repeat = max is null ? Repeat.Unbounded : max > 1 && max > min ? Repeat.Many : Repeat.Once;
                end = close + 1;
                break;
            default:
                return i;
        }

        return end < pattern.Length && pattern[end] == '?' ? end + 1 : end;
    }

    private static bool TryReadRange(ReadOnlySpan<char> text, out int min, out int? max)
    {
        max = null;
        var comma = text.IndexOf(',');
        var lower = comma < 0 ? text : text[..comma];
        if (lower.IsEmpty || !IsDigits(lower))
        {
            min = 0;
            return false;
        }

        min = int.TryParse(lower, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
        if (comma < 0)
        {
            max = min;
            return true;
        }

        var upper = text[(comma + 1)..];
        if (upper.IsEmpty)
        {
            return true;
        }

        if (!IsDigits(upper))
        {
            return false;
        }

        max = int.TryParse(upper, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : int.MaxValue;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Skips a character class, with escapes, a leading <c>]</c> or <c>^]</c>, and subtractions <c>-[…]</c>.</summary>
    private static int SkipClass(string pattern, int i)
    {
        var depth = 0;
        i++;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        while (i < pattern.Length)
        {
            switch (pattern[i])
            {
                case '\\':
                    i += 2;
                    continue;
                case '[' when i > 0 && pattern[i - 1] == '-':
                    depth++;
                    break;
                case ']' when depth > 0:
                    depth--;
                    break;
                case ']':
                    return i + 1;
            }

            i++;
        }

        return pattern.Length;
    }

    /// <summary>Classifies the group opening at <paramref name="i"/>.</summary>
    /// <returns>Where its body starts; whether it does not backtrack (atomic, lookaround); whether it is only inline options, like <c>(?i)</c>.</returns>
    private static (int BodyStart, bool Atomic, bool IsOption) GroupKind(string pattern, int i)
    {
        if (i + 1 >= pattern.Length || pattern[i + 1] != '?')
        {
            return (i + 1, false, false);
        }

        var j = i + 2;
        if (j >= pattern.Length)
        {
            return (j, false, false);
        }

        switch (pattern[j])
        {
            case ':':
                return (j + 1, false, false);
            case '>' or '=' or '!':
                return (j + 1, true, false);
            case '<' when j + 1 < pattern.Length && pattern[j + 1] is '=' or '!':
                return (j + 2, true, false);
            case '<' or '\'':
                var close = pattern.IndexOf(pattern[j] == '<' ? '>' : '\'', j + 1);
                return (close < 0 ? pattern.Length : close + 1, false, false);
        }

        // Inline options: (?imnsx-imnsx) alone, or (?imnsx-imnsx:body).
        var k = j;
        while (k < pattern.Length && (char.IsAsciiLetter(pattern[k]) || pattern[k] == '-'))
        {
            k++;
        }

        if (k < pattern.Length && pattern[k] == ')')
        {
            return (k + 1, false, true);
        }

        // (?imnsx:body), or a conditional (?(…)…): look into the body as into any group.
        return (k < pattern.Length && pattern[k] == ':' ? k + 1 : j, false, false);
    }

    private sealed class Group(int start, bool atomic)
    {
        /// <summary>Alternatives beyond this many are not compared (keeps the check linear for huge alternations).</summary>
        private const int MaxCompared = 32;

        private readonly List<string> _alternatives = new();

        public int Start { get; } = start;

        public bool Atomic { get; } = atomic;

        public int BodyStart { get; init; }

        public int AlternativeStart { get; set; } = -1;

        public bool InnerRepetition { get; set; }

        public bool OverlappingAlternatives { get; private set; }

        /// <summary>
        /// Ends an alternative at <paramref name="end"/>. Two alternatives overlap when one is the other repeated
        /// (<c>a|a</c>, <c>a|aa</c>, <c>ab|abab</c>): a repetition of the group can then split the same text many ways.
        /// </summary>
        public void CloseAlternative(string pattern, int end)
        {
            var from = AlternativeStart < 0 ? BodyStart : AlternativeStart;
            if (Start < 0 || from > end || _alternatives.Count >= MaxCompared)
            {
                return;
            }

            var text = pattern[from..end];
            foreach (var other in _alternatives)
            {
                OverlappingAlternatives |= Repeats(text, other) || Repeats(other, text);
            }

            _alternatives.Add(text);
        }

        private static bool Repeats(string longer, string shorter)
        {
            if (shorter.Length == 0 || longer.Length % shorter.Length != 0)
            {
                return false;
            }

            for (var i = 0; i < longer.Length; i += shorter.Length)
            {
                if (string.CompareOrdinal(longer, i, shorter, 0, shorter.Length) != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
