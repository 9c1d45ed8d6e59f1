using Spectre.Console;
using Spectre.Console.Rendering;

namespace SlaEngine.Cli.Rendering;

/// <summary>
/// One table row with fixed column widths: each cell is wrapped to its column (widths measured in terminal cells, so
/// CJK and other wide characters line up) and padded, so rows written one at a time stay aligned under one header.
/// </summary>
internal sealed class FixedRow(IReadOnlyList<IRenderable> cells, IReadOnlyList<int> widths, int gap, int indent = 0) : Renderable
{
    /// <inheritdoc/>
    protected override Measurement Measure(RenderOptions options, int maxWidth)
    {
        var width = indent + widths.Sum() + (gap * (widths.Count - 1));
        return new Measurement(width, width);
    }

    /// <inheritdoc/>
    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var lines = new List<SegmentLine>[cells.Count];
        var height = 1;
        for (var c = 0; c < cells.Count; c++)
        {
            lines[c] = Segment.SplitLines(cells[c].Render(options, widths[c]), widths[c]);
            height = Math.Max(height, lines[c].Count);
        }

        for (var row = 0; row < height; row++)
        {
            if (indent > 0)
            {
                yield return Segment.Padding(indent);
            }

            // Trailing padding is left out, so no line ends in spaces.
            var last = cells.Count - 1;
            while (last > 0 && (row >= lines[last].Count || lines[last][row].CellCount() == 0))
            {
                last--;
            }

            for (var c = 0; c <= last; c++)
            {
                var used = 0;
                if (row < lines[c].Count)
                {
                    var segments = lines[c][row];
                    var end = segments.Count;
                    while (c == last && end > 0 && segments[end - 1].IsWhiteSpace)
                    {
                        end--;
                    }

                    for (var s = 0; s < end; s++)
                    {
                        var segment = c == last && s == end - 1 ? TrimEnd(segments[s]) : segments[s];
                        used += segment.CellCount();
                        yield return segment;
                    }
                }

                if (c < last)
                {
                    yield return Segment.Padding(Math.Max(0, widths[c] - used) + gap);
                }
            }

            yield return Segment.LineBreak;
        }
    }

    private static Segment TrimEnd(Segment segment) =>
        segment.IsControlCode || segment.IsLineBreak || !segment.Text.EndsWith(' ') ? segment : new Segment(segment.Text.TrimEnd(' '), segment.Style);
}
