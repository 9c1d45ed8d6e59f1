namespace SlaEngine.Diagnostics;

/// <summary>
/// Finds the closest known name to a misspelt one, for "did you mean" hints: the suggestions of policy diagnostics,
/// tests files and the tool, available to hosts that validate names of their own the same way. Stateless and
/// thread-safe.
/// </summary>
public static class DidYouMean
{
    /// <summary>Returns the candidate closest to <paramref name="value"/> by edit distance, when close enough.</summary>
    /// <param name="value">The name as written.</param>
    /// <param name="candidates">The known names, in a stable order (ties go to the first).</param>
    /// <returns>The suggestion, or <see langword="null"/>.</returns>
    public static string? Find(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lowered = value.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            var distance = Distance(lowered, candidate.ToLowerInvariant());
            var limit = Math.Clamp(Math.Max(value.Length, candidate.Length) / 3, 1, 3);
            if (distance <= limit && distance < bestDistance && !string.Equals(candidate, value, StringComparison.Ordinal))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Formats the hint suffix: <c>; did you mean `x`?</c>, or an empty string.</summary>
    /// <param name="value">The name as written.</param>
    /// <param name="candidates">The known names.</param>
    /// <returns>The suffix.</returns>
    public static string Hint(string value, IEnumerable<string> candidates) =>
        Find(value, candidates) is { } suggestion ? "; did you mean `" + suggestion + "`?" : string.Empty;

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    /// <param name="a">The first string.</param>
    /// <param name="b">The second string.</param>
    /// <returns>The distance.</returns>
    public static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return Math.Max(a.Length, b.Length);
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
