using Spectre.Console;
using Spectre.Console.Rendering;

namespace SlaEngine.Cli.Rendering;

/// <summary>
/// Renders another renderable indented by some columns, with the trailing spaces of every line removed (Spectre pads
/// blocks to a rectangle; redirected output should not end its lines in spaces).
/// </summary>
internal sealed class Indented(IRenderable inner, int indent = 0) : Renderable
{
    /// <inheritdoc/>
    protected override Measurement Measure(RenderOptions options, int maxWidth)
    {
        var measured = inner.Measure(options, Math.Max(1, maxWidth - indent));
        return new Measurement(measured.Min + indent, measured.Max + indent);
    }

    /// <inheritdoc/>
    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        foreach (var line in Segment.SplitLines(inner.Render(options, Math.Max(1, maxWidth - indent))))
        {
            var end = line.Count;
            while (end > 0 && (line[end - 1].IsWhiteSpace || line[end - 1].Text.Length == 0) && !line[end - 1].IsControlCode)
            {
                end--;
            }

            if (indent > 0 && end > 0)
            {
                yield return Segment.Padding(indent);
            }

            for (var i = 0; i < end; i++)
            {
                var segment = line[i];
                yield return i == end - 1 && !segment.IsControlCode && segment.Text.EndsWith(' ')
                    ? new Segment(segment.Text.TrimEnd(' '), segment.Style)
                    : segment;
            }

            yield return Segment.LineBreak;
        }
    }
}
