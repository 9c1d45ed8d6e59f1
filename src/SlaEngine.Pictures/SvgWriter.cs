using System.Text;
using static SlaEngine.Pictures.Markup;

namespace SlaEngine.Pictures;

/// <summary>Appends SVG elements to a string builder; every text and attribute value is escaped here.</summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _text;

    internal SvgWriter(StringBuilder text)
    {
        _text = text;
    }

    internal SvgWriter Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    /// <summary>Opens a group with a class and data attributes (names are ours; values are escaped).</summary>
    internal SvgWriter Group(string cssClass, params (string Name, string? Value)[] data)
    {
        _text.Append("<g class=\"").Append(Escape(cssClass)).Append('"');
        foreach (var (name, value) in data)
        {
            if (value is not null)
            {
                _text.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
            }
        }

        _text.Append('>');
        return this;
    }

    internal SvgWriter End(string tag = "g")
    {
        _text.Append("</").Append(tag).Append('>');
        return this;
    }

    internal SvgWriter Title(string text)
    {
        _text.Append("<title>").Append(Escape(text)).Append("</title>");
        return this;
    }

    internal SvgWriter Rect(double x, double y, double width, double height, string attributes)
    {
        _text.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append("\" width=\"").Append(Num(Math.Max(0, width)))
            .Append("\" height=\"").Append(Num(Math.Max(0, height))).Append("\" ").Append(attributes).Append("/>");
        return this;
    }

    internal SvgWriter Line(double x1, double y1, double x2, double y2, string attributes)
    {
        _text.Append("<line x1=\"").Append(Num(x1)).Append("\" y1=\"").Append(Num(y1)).Append("\" x2=\"").Append(Num(x2))
            .Append("\" y2=\"").Append(Num(y2)).Append("\" ").Append(attributes).Append("/>");
        return this;
    }

    internal SvgWriter Circle(double cx, double cy, double r, string attributes)
    {
        _text.Append("<circle cx=\"").Append(Num(cx)).Append("\" cy=\"").Append(Num(cy)).Append("\" r=\"").Append(Num(r)).Append("\" ").Append(attributes).Append("/>");
        return this;
    }

    internal SvgWriter Polygon(IEnumerable<(double X, double Y)> points, string attributes)
    {
        _text.Append("<polygon points=\"").Append(string.Join(" ", points.Select(p => Num(p.X) + "," + Num(p.Y)))).Append("\" ").Append(attributes).Append("/>");
        return this;
    }

    /// <summary>A text element; <paramref name="text"/> is escaped, <paramref name="attributes"/> is our own markup.</summary>
    internal SvgWriter Text(double x, double y, string text, string attributes = "")
    {
        _text.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append('"');
        if (attributes.Length > 0)
        {
            _text.Append(' ').Append(attributes);
        }

        _text.Append('>').Append(Escape(text)).Append("</text>");
        return this;
    }

    /// <summary>A marker of a shape centred on a point.</summary>
    internal SvgWriter Marker(MarkerShape shape, double x, double y, double size, string attributes)
    {
        var h = size / 2;
        return shape switch
        {
            MarkerShape.Circle => Circle(x, y, h, attributes),
            MarkerShape.Square => Rect(x - h, y - h, size, size, attributes),
            MarkerShape.Diamond => Polygon([(x, y - h - 1), (x + h + 1, y), (x, y + h + 1), (x - h - 1, y)], attributes),
            MarkerShape.TriangleUp => Polygon([(x, y - h - 1), (x + h + 1, y + h), (x - h - 1, y + h)], attributes),
            _ => Polygon([(x - h - 1, y - h), (x + h + 1, y - h), (x, y + h + 1)], attributes),
        };
    }
}
