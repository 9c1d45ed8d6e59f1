using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace SlaEngine.Conditions;

/// <summary>
/// The results of <c>matches</c> for the strings a thread has just tested, keyed by the identity of the string and of
/// the condition's patterns. The lead reader shares the strings of short repeated values (titles, countries, enum
/// values) between the leads a thread reads, so a batch tests the same few strings again and again; a hit costs two
/// reference comparisons instead of a regex scan. Bounded (a small direct-mapped table per thread) and invisible: a
/// result is the pattern's own, only computed once per string while it stays in the table.
/// </summary>
internal static class MatchMemo
{
    private const int Slots = 256;

    [ThreadStatic]
    private static Entry[]? t_entries;

    /// <summary>Whether any of <paramref name="patterns"/> matches <paramref name="input"/>.</summary>
    internal static bool IsMatch(Regex[] patterns, string input)
    {
        var entries = t_entries ??= new Entry[Slots];
        ref var entry = ref entries[(RuntimeHelpers.GetHashCode(input) ^ RuntimeHelpers.GetHashCode(patterns)) & (Slots - 1)];
        if (ReferenceEquals(entry.Input, input) && ReferenceEquals(entry.Patterns, patterns))
        {
            return entry.Result;
        }

        var result = Scan(patterns, input);
        entry = new Entry(patterns, input, result);
        return result;
    }

    /// <summary>Whether any of <paramref name="patterns"/> matches <paramref name="input"/>, without the memo.</summary>
    internal static bool Scan(Regex[] patterns, string input)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(input))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Entry(Regex[]? Patterns, string? Input, bool Result);
}
