using System.Globalization;
using System.Text;
using SlaEngine.Reporting;
using static SlaEngine.Pictures.Markup;

namespace SlaEngine.Pictures;

/// <summary>The small SVG charts of the report page, drawn by hand: bars, a histogram, monthly columns.</summary>
internal static class ReportCharts
{
    internal const string MetColour = "#2e7d32";
    internal const string MetLateColour = "#e07b00";
    internal const string BreachedColour = "#c62828";
    internal const string MqlColour = "#3b6fb6";
    private const string Font = "font-family=\"'DejaVu Sans','Segoe UI',Helvetica,Arial,sans-serif\" font-size=\"12\"";

    /// <summary>Per milestone, a 100% bar of its decided milestones (met, met late, breached) with the attainment goal marked.</summary>
    internal static string Attainment(IReadOnlyList<MilestoneTally> milestones, Func<string, GoalResult?> goal)
    {
        const double left = 130, width = 700, barWidth = 360, rowHeight = 34;
        var height = 30 + (milestones.Count * rowHeight) + 30;
        var svg = new StringBuilder();
        Open(svg, "sla-chart-attainment", width, height, "Attainment per milestone");
        Axis(svg, left, barWidth, 24, height - 30);
        var y = 30.0;
        foreach (var m in milestones)
        {
            svg.Append("<g class=\"sla-attainment\" data-milestone=\"").Append(Escape(m.Name)).Append("\"><title>")
                .Append(Escape($"{m.Name}: {Attain(m)} of {m.Decided} decided ({m.Met} met, {m.MetLate} met late, {m.Breached} breached); {m.Pending} pending"))
                .Append("</title>");
            Text(svg, left - 8, y + 15, m.Name, "text-anchor=\"end\" font-weight=\"700\"");
            if (m.Decided > 0)
            {
                var x = left;
                foreach (var (count, colour) in new[] { (m.Met, MetColour), (m.MetLate, MetLateColour), (m.Breached, BreachedColour) })
                {
                    var w = barWidth * count / m.Decided;
                    svg.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y + 2)).Append("\" width=\"").Append(Num(w))
                        .Append("\" height=\"18\" fill=\"").Append(colour).Append("\"/>");
                    x += w;
                }
            }
            else
            {
                svg.Append("<rect x=\"").Append(Num(left)).Append("\" y=\"").Append(Num(y + 2)).Append("\" width=\"").Append(Num(barWidth)).Append("\" height=\"18\" fill=\"#f5f7fa\" stroke=\"#e4e7eb\"/>");
            }

            Text(svg, left + barWidth + 8, y + 15, Attain(m), "font-weight=\"700\"");
            if (goal(m.Name + "_attainment") is { } g)
            {
                var gx = left + (barWidth * Math.Clamp(g.Target, 0, 100) / 100);
                svg.Append("<line class=\"sla-goal\" x1=\"").Append(Num(gx)).Append("\" y1=\"").Append(Num(y - 2)).Append("\" x2=\"").Append(Num(gx))
                    .Append("\" y2=\"").Append(Num(y + 24)).Append("\" stroke=\"#111827\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>");
                Text(svg, left + barWidth + 62, y + 15, "goal " + (g.Bound == Policies.GoalBound.Min ? "≥ " : "≤ ") + g.TargetText, $"fill=\"{(g.Passed == false ? BreachedColour : "#616e7c")}\"");
            }

            svg.Append("</g>");
            y += rowHeight;
        }

        LegendRow(svg, left, height - 8, [("met", MetColour), ("met late", MetLateColour), ("breached", BreachedColour)], "dashed line: goal");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A small inline bar for a table cell: the attainment of one milestone in one group.</summary>
    internal static string MiniBar(MilestoneTally? m, GoalResult? goal)
    {
        const double width = 90;
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sla-minibar\" width=\"96\" height=\"12\" viewBox=\"0 0 96 12\">");
        svg.Append("<rect x=\"0\" y=\"1\" width=\"").Append(Num(width)).Append("\" height=\"10\" fill=\"#f5f7fa\" stroke=\"#e4e7eb\"/>");
        if (m is { Decided: > 0 } tally)
        {
            var x = 0.0;
            foreach (var (count, colour) in new[] { (tally.Met, MetColour), (tally.MetLate, MetLateColour), (tally.Breached, BreachedColour) })
            {
                var w = width * count / tally.Decided;
                svg.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"1\" width=\"").Append(Num(w)).Append("\" height=\"10\" fill=\"").Append(colour).Append("\"/>");
                x += w;
            }
        }

        if (goal is { } g)
        {
            var gx = width * Math.Clamp(g.Target, 0, 100) / 100;
            svg.Append("<line x1=\"").Append(Num(gx)).Append("\" y1=\"0\" x2=\"").Append(Num(gx)).Append("\" y2=\"12\" stroke=\"#111827\" stroke-width=\"1.5\"/>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The speed-to-lead histogram over the fixed buckets, with the median and the 90th percentile marked.</summary>
    internal static string SpeedHistogram(IReadOnlyList<SpeedToLeadBucket> buckets, SpeedToLead speed)
    {
        const double left = 50, plotWidth = 520, top = 34, plotHeight = 170;
        var width = left + plotWidth + 20;
        var height = top + plotHeight + 58;
        var svg = new StringBuilder();
        Open(svg, "sla-chart-speed", width, height, "Speed-to-lead distribution");
        var max = Math.Max(1, buckets.Max(b => b.Count));
        var band = plotWidth / buckets.Count;
        var total = Math.Max(1, buckets.Sum(b => b.Count));
        svg.Append("<line x1=\"").Append(Num(left)).Append("\" y1=\"").Append(Num(top + plotHeight)).Append("\" x2=\"").Append(Num(left + plotWidth))
            .Append("\" y2=\"").Append(Num(top + plotHeight)).Append("\" stroke=\"#1f2933\"/>");
        for (var i = 0; i < buckets.Count; i++)
        {
            var b = buckets[i];
            var h = plotHeight * b.Count / max;
            var x = left + (i * band);
            var colour = b.UpToSeconds is { } up && up <= 300 ? MetColour : b.UpToSeconds is { } up2 && up2 <= 3600 ? "#7cb342" : b.UpToSeconds is { } up3 && up3 <= 4 * 3600 ? "#f0a030" : BreachedColour;
            svg.Append("<g class=\"sla-bucket\" data-above-seconds=\"").Append(Int(b.AboveSeconds)).Append('"');
            if (b.UpToSeconds is { } upTo)
            {
                svg.Append(" data-up-to-seconds=\"").Append(Int(upTo)).Append('"');
            }

            svg.Append(" data-count=\"").Append(Int(b.Count)).Append("\"><title>").Append(Escape($"{BucketLabel(b)}: {b.Count} leads ({Percent(100.0 * b.Count / total)})")).Append("</title>");
            svg.Append("<rect x=\"").Append(Num(x + 4)).Append("\" y=\"").Append(Num(top + plotHeight - h)).Append("\" width=\"").Append(Num(band - 8))
                .Append("\" height=\"").Append(Num(h)).Append("\" fill=\"").Append(colour).Append("\"/>");
            Text(svg, x + (band / 2), top + plotHeight - h - 4, Int(b.Count), "text-anchor=\"middle\" font-weight=\"700\"");
            Text(svg, x + (band / 2), top + plotHeight + 15, BucketLabel(b), "text-anchor=\"middle\" font-size=\"10.5\"");
            svg.Append("</g>");
        }

        Text(svg, left + (plotWidth / 2), top + plotHeight + 33, "business time from SLA start to first touch", "text-anchor=\"middle\" fill=\"#616e7c\"");
        var markerRow = 0;
        foreach (var (name, value, colour) in new[] { ("median", speed.MedianSeconds, "#111827"), ("p90", speed.P90Seconds, "#7c3aed") })
        {
            if (value is not { } seconds)
            {
                continue;
            }

            var x = left + (BucketPosition(buckets, seconds) * band);
            svg.Append("<g class=\"sla-percentile\" data-name=\"").Append(name).Append("\" data-seconds=\"").Append(Int(seconds)).Append("\">");
            svg.Append("<line x1=\"").Append(Num(x)).Append("\" y1=\"").Append(Num(top - 4)).Append("\" x2=\"").Append(Num(x)).Append("\" y2=\"").Append(Num(top + plotHeight))
                .Append("\" stroke=\"").Append(colour).Append("\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
            var label = $"{name} {Seconds(seconds)}";
            var anchorEnd = x + 4 + (label.Length * 7) > width;
            Text(svg, anchorEnd ? x - 4 : x + 4, top - 8 - (markerRow * 14) + 14, label, $"font-weight=\"700\" fill=\"{colour}\"{(anchorEnd ? " text-anchor=\"end\"" : string.Empty)}");
            svg.Append("</g>");
            markerRow++;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The share of leads touched within 5, 15 and 60 minutes and beyond, from the histogram's buckets.</summary>
    internal static IReadOnlyList<(string Label, int Count)> Shares(IReadOnlyList<SpeedToLeadBucket> buckets)
    {
        int Within(long seconds) => buckets.Where(b => b.UpToSeconds is { } up && up <= seconds).Sum(b => b.Count);
        var total = buckets.Sum(b => b.Count);
        return [("within 5 minutes", Within(300)), ("within 15 minutes", Within(900)), ("within 60 minutes", Within(3600)), ("beyond 60 minutes", total - Within(3600))];
    }

    /// <summary>MQLs and breached leads per month as paired columns, with the monthly MQL goal marked.</summary>
    internal static string Monthly(IReadOnlyList<MonthlyCount> months, GoalResult? mqlGoal)
    {
        const double left = 50, top = 46, plotHeight = 170;
        var band = Math.Clamp(520.0 / Math.Max(1, months.Count), 36, 90);
        var plotWidth = band * Math.Max(1, months.Count);
        var width = left + plotWidth + 130;
        var height = top + plotHeight + 52;
        var max = Math.Max(1, months.Max(m => Math.Max(m.Mqls, m.LeadsBreached)));

        // A goal far above the data would flatten every column: then it is named, not drawn to scale.
        var goalOnScale = mqlGoal is { } goal && goal.Target <= 2.0 * max;
        if (goalOnScale)
        {
            max = Math.Max(max, (int)Math.Ceiling(mqlGoal!.Target));
        }

        var svg = new StringBuilder();
        Open(svg, "sla-chart-months", width, height, "MQLs and breached leads per month");
        svg.Append("<line x1=\"").Append(Num(left)).Append("\" y1=\"").Append(Num(top + plotHeight)).Append("\" x2=\"").Append(Num(left + plotWidth))
            .Append("\" y2=\"").Append(Num(top + plotHeight)).Append("\" stroke=\"#1f2933\"/>");
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = left + (i * band);
            var w = (band - 12) / 2;
            var month = MonthText(m);
            svg.Append("<g class=\"sla-month\" data-month=\"").Append(month).Append("\" data-mqls=\"").Append(Int(m.Mqls)).Append("\" data-breached=\"").Append(Int(m.LeadsBreached))
                .Append("\"><title>").Append(Escape($"{month}: {m.Mqls} MQLs, {m.LeadsBreached} breached")).Append("</title>");
            foreach (var (value, colour, offset) in new[] { (m.Mqls, MqlColour, 0.0), (m.LeadsBreached, BreachedColour, w) })
            {
                var h = plotHeight * value / max;
                svg.Append("<rect x=\"").Append(Num(x + 6 + offset)).Append("\" y=\"").Append(Num(top + plotHeight - h)).Append("\" width=\"").Append(Num(w))
                    .Append("\" height=\"").Append(Num(h)).Append("\" fill=\"").Append(colour).Append("\"/>");
                Text(svg, x + 6 + offset + (w / 2), top + plotHeight - h - 4, Int(value), "text-anchor=\"middle\" font-size=\"10.5\" font-weight=\"700\"");
            }

            Text(svg, x + (band / 2), top + plotHeight + 15, month, "text-anchor=\"middle\" font-size=\"10.5\"");
            svg.Append("</g>");
        }

        if (mqlGoal is { } offScale && !goalOnScale)
        {
            Text(svg, left, top - 26, $"goal ≥ {offScale.TargetText} MQLs/month: above the chart (best month {months.Max(m => m.Mqls).ToString(CultureInfo.InvariantCulture)})", $"fill=\"{BreachedColour}\" font-weight=\"700\"");
        }
        else if (mqlGoal is { } g2)
        {
            var g = g2;
            var gy = top + plotHeight - (plotHeight * g.Target / max);
            svg.Append("<line class=\"sla-goal\" x1=\"").Append(Num(left)).Append("\" y1=\"").Append(Num(gy)).Append("\" x2=\"").Append(Num(left + plotWidth))
                .Append("\" y2=\"").Append(Num(gy)).Append("\" stroke=\"#111827\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>");
            Text(svg, left + plotWidth + 6, gy + 4, "goal ≥ " + g.TargetText + "/month", "fill=\"#111827\"");
        }

        LegendRow(svg, left, height - 8, [("MQLs", MqlColour), ("breached leads", BreachedColour)], null);
        svg.Append("</svg>");
        return svg.ToString();
    }

    internal static string MonthText(MonthlyCount month) =>
        month.Year.ToString("0000", CultureInfo.InvariantCulture) + "-" + month.Month.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>A bucket's range in short words: <c>≤ 5 min</c>, <c>5–15 min</c>, <c>1–2 h</c>, <c>&gt; 24 h</c>.</summary>
    internal static string BucketLabel(SpeedToLeadBucket bucket)
    {
        if (bucket.UpToSeconds is not { } up)
        {
            return "> " + Short(bucket.AboveSeconds);
        }

        if (bucket.AboveSeconds == 0)
        {
            return "≤ " + Short(up);
        }

        var inHours = bucket.AboveSeconds >= 3600;
        var unit = inHours ? 3600 : 60;
        return Int(bucket.AboveSeconds / unit) + "–" + Int(up / unit) + (inHours ? " h" : " min");

        static string Short(long seconds) => seconds % 3600 == 0 ? Int(seconds / 3600) + " h" : Int(seconds / 60) + " min";
    }

    internal static string Attain(MilestoneTally m) => m.Attainment is { } a ? Percent(a) : "–";

    /// <summary>Where a value falls on the histogram's band axis: bucket index plus the fraction of the way through it.</summary>
    private static double BucketPosition(IReadOnlyList<SpeedToLeadBucket> buckets, long seconds)
    {
        for (var i = 0; i < buckets.Count; i++)
        {
            var b = buckets[i];
            if (b.UpToSeconds is not { } up)
            {
                return i + 0.5;
            }

            if (seconds <= up)
            {
                return i + ((double)(seconds - b.AboveSeconds) / (up - b.AboveSeconds));
            }
        }

        return buckets.Count;
    }

    private static void Open(StringBuilder svg, string cssClass, double width, double height, string title)
    {
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").Append(cssClass).Append("\" width=\"").Append(Num(width)).Append("\" height=\"").Append(Num(height))
            .Append("\" viewBox=\"0 0 ").Append(Num(width)).Append(' ').Append(Num(height)).Append("\" role=\"img\" ").Append(Font).Append("><title>").Append(Escape(title)).Append("</title>");
    }

    private static void Axis(StringBuilder svg, double left, double barWidth, double top, double bottom)
    {
        foreach (var p in new[] { 0, 25, 50, 75, 100 })
        {
            var x = left + (barWidth * p / 100);
            svg.Append("<line x1=\"").Append(Num(x)).Append("\" y1=\"").Append(Num(top)).Append("\" x2=\"").Append(Num(x)).Append("\" y2=\"").Append(Num(bottom))
                .Append("\" stroke=\"#e4e7eb\"/>");
            Text(svg, x, top - 6, Int(p) + "%", "text-anchor=\"middle\" font-size=\"10.5\" fill=\"#616e7c\"");
        }
    }

    private static void LegendRow(StringBuilder svg, double x, double y, (string Label, string Colour)[] entries, string? note)
    {
        foreach (var (label, colour) in entries)
        {
            svg.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y - 10)).Append("\" width=\"12\" height=\"12\" fill=\"").Append(colour).Append("\"/>");
            Text(svg, x + 16, y, label, string.Empty);
            x += 16 + (label.Length * 7) + 18;
        }

        if (note is not null)
        {
            Text(svg, x, y, note, "fill=\"#616e7c\"");
        }
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string attributes)
    {
        svg.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append('"');
        if (attributes.Length > 0)
        {
            svg.Append(' ').Append(attributes);
        }

        svg.Append('>').Append(Escape(text)).Append("</text>");
    }
}
