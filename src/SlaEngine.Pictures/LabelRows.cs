namespace SlaEngine.Pictures;

/// <summary>
/// Greedy lane placement of labels: each label goes to the first row where it overlaps no label already placed,
/// so labels never collide; a label that would run past the right edge is drawn to the left of its anchor.
/// </summary>
internal sealed class LabelRows
{
    /// <summary>Estimated advance of one character at the label font size, generous so estimates never fall short.</summary>
    internal const double CharWidth = 6.4;

    private const double Gap = 6;

    private readonly List<List<(double From, double To)>> _rows = [];
    private readonly double _left;
    private readonly double _right;

    internal LabelRows(double left, double right)
    {
        _left = left;
        _right = right;
    }

    internal int RowCount => _rows.Count;

    internal static double Width(string text, double charWidth = CharWidth) => text.Length * charWidth;

    /// <summary>Places a label anchored at <paramref name="x"/>; returns its row and whether it runs leftwards (text-anchor end).</summary>
    internal (int Row, bool LeftOfAnchor, double TextX) Place(double x, string text)
    {
        var width = Width(text);
        var leftOfAnchor = x + 5 + width > _right && x - 5 - width >= _left;
        var from = leftOfAnchor ? x - 5 - width : x + 5;
        var to = from + width;
        for (var row = 0; ; row++)
        {
            if (row == _rows.Count)
            {
                _rows.Add([]);
            }

            if (_rows[row].All(r => to + Gap <= r.From || from >= r.To + Gap))
            {
                _rows[row].Add((from, to));
                return (row, leftOfAnchor, leftOfAnchor ? x - 5 : x + 5);
            }
        }
    }
}
