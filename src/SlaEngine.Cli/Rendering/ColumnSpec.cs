namespace SlaEngine.Cli.Rendering;

/// <summary>
/// A column of a streamed table: its header, the narrowest width it can be wrapped to, and the width beyond which it
/// gains nothing. Columns with a <see cref="Share"/> take what is left of the width after every column had its
/// preferred width.
/// </summary>
internal sealed record ColumnSpec(string Header, int Min, int Preferred, int Share = 0)
{
    /// <summary>
    /// Fits columns into <paramref name="width"/> (with <paramref name="gap"/> spaces between them): every column gets
    /// its minimum; what is left is shared in proportion to how far each column is from its preferred width; once all
    /// are at their preferred width, the rest goes to the columns with a <see cref="Share"/>. Deterministic: the same
    /// columns and width always give the same widths. Below the sum of the minimums the columns keep their minimums.
    /// </summary>
    internal static int[] Fit(IReadOnlyList<ColumnSpec> columns, int width, int gap)
    {
        var widths = columns.Select(c => c.Min).ToArray();
        var left = width - (gap * (columns.Count - 1)) - widths.Sum();
        var wanted = columns.Sum(c => c.Preferred - c.Min);
        if (left <= 0)
        {
            return widths;
        }

        if (left < wanted)
        {
            var given = 0;
            for (var i = 0; i < columns.Count; i++)
            {
                var more = left * (columns[i].Preferred - columns[i].Min) / wanted;
                widths[i] += more;
                given += more;
            }

            // The remainder of the divisions goes to the columns furthest from their preferred width.
            for (var i = 0; given < left; i = (i + 1) % columns.Count)
            {
                if (widths[i] < columns[i].Preferred)
                {
                    widths[i]++;
                    given++;
                }
            }

            return widths;
        }

        left -= wanted;
        for (var i = 0; i < columns.Count; i++)
        {
            widths[i] = columns[i].Preferred;
        }

        var shares = columns.Sum(c => c.Share);
        if (shares > 0)
        {
            var given = 0;
            for (var i = 0; i < columns.Count; i++)
            {
                var more = left * columns[i].Share / shares;
                widths[i] += more;
                given += more;
            }

            widths[columns.ToList().FindIndex(c => c.Share > 0)] += left - given;
        }

        return widths;
    }
}
