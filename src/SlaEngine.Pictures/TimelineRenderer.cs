using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using static SlaEngine.Pictures.Markup;

namespace SlaEngine.Pictures;

/// <summary>Draws a <see cref="TimelineScene"/> as one SVG document: lanes of labelled markers over a shaded time axis.</summary>
internal sealed class TimelineRenderer
{
    private const double LeftMargin = 150;
    private const double RightMargin = 28;
    private const double HeaderHeight = 78;
    private const double RowHeight = 14;
    private const string Font = "font-family=\"'DejaVu Sans','Segoe UI',Helvetica,Arial,sans-serif\"";

    private readonly TimelineScene _scene;
    private readonly string _idPrefix;
    private readonly double _width;
    private TimeScale _scale;
    private bool _detail;
    private double _axisY;

    private TimelineRenderer(TimelineScene scene, TimelinePictureOptions options, string idPrefix)
    {
        _scene = scene;
        _idPrefix = idPrefix;
        _width = Math.Max(600, options.Width);
        _scale = new TimeScale(scene.Start, scene.End, LeftMargin, _width - RightMargin, scene.Zone);
    }

    internal static void Render(StringBuilder output, TimelineScene scene, TimelinePictureOptions options, string idPrefix) =>
        new TimelineRenderer(scene, options, idPrefix).Draw(output);

    /// <summary>The longest axis on which business hours are drawn day by day; longer axes leave them out (with a note).</summary>
    private static readonly Duration MaxHoursSpan = Duration.FromDays(400);

    /// <summary>
    /// Gets the calendar whose hours are drawn on the current axis: the routed calendar, unless the axis is longer than
    /// <see cref="MaxHoursSpan"/> or leaves the calendar's supported years.
    /// </summary>
    private BusinessCalendar? HoursCalendar =>
        _scene.Calendar is { } calendar
        && _scale.End - _scale.Start <= MaxHoursSpan
        && _scale.Start.InUtc().Year > BusinessCalendar.MinYear
        && _scale.End.InUtc().Year < BusinessCalendar.MaxYear
            ? calendar
            : null;

    private static string StatusText(MilestoneStatus status) => EvaluationJson.StatusText(status);

    private void Draw(StringBuilder output)
    {
        var evaluation = _scene.Evaluation;
        var legend = Legend();
        var body = new StringBuilder(16 * 1024);
        var bodyWriter = new SvgWriter(body);
        var bottom = DrawPanel(bodyWriter, HeaderHeight);
        if (DetailWindow() is var (from, to))
        {
            // Mark the detail's span on the main axis.
            var (x1, x2) = Span(from, to);
            bodyWriter.Rect(x1, _axisY - 3, Math.Max(3, x2 - x1), 6, $"class=\"sla-detail-span\" fill=\"{Palette.SlaStart}\" fill-opacity=\"0.35\"");
            var full = _scale;
            _scale = new TimeScale(from, to, LeftMargin, _width - RightMargin, _scene.Zone);
            _detail = true;
            var title = $"First touch in detail: {Local(from, _scene.Zone)} – {Local(to, _scene.Zone)}";
            bodyWriter.Group("sla-detail-panel").Text(16, bottom + 30, title, $"font-size=\"13\" font-weight=\"700\" fill=\"{Palette.Ink}\"").End();
            bottom = DrawPanel(bodyWriter, bottom + 40);
            _scale = full;
            _detail = false;
        }

        var legendTop = bottom + 16;
        var legendRows = LayoutLegend(legend);
        var height = legendTop + (legendRows * 20) + 14;

        var svg = new SvgWriter(output);
        svg.Raw(string.Create(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sla-timeline\" width=\"{Num(_width)}\" height=\"{Num(height)}\" viewBox=\"0 0 {Num(_width)} {Num(height)}\" role=\"img\" aria-labelledby=\"{_idPrefix}title\" {Font} font-size=\"11\">"));
        svg.Raw($"<title id=\"{_idPrefix}title\">").Raw(Escape($"SLA timeline of lead {_scene.Lead.Id} under {evaluation.PolicyId} v{evaluation.PolicyVersion.ToString(CultureInfo.InvariantCulture)}")).Raw("</title>");
        svg.Raw("<defs>")
            .Raw($"<pattern id=\"{_idPrefix}hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\" fill-opacity=\"0\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{Palette.Paused}\" stroke-width=\"2\" stroke-opacity=\"0.55\"/></pattern>")
            .Raw($"<pattern id=\"{_idPrefix}holiday\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><rect width=\"8\" height=\"8\" fill=\"{Palette.Holiday}\" fill-opacity=\"0.55\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#d46a6a\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"/></pattern>")
            .Raw("</defs>");
        svg.Rect(0, 0, _width, height, "fill=\"#ffffff\"");
        DrawHeader(svg);
        svg.Raw(body.ToString());
        DrawLegend(svg, legend, legendTop);
        svg.Raw("</svg>");
    }

    /// <summary>
    /// The span of the first-touch detail panel: from the SLA start to the first touch milestone's due (or its
    /// completion, if later), drawn when it would take less than a sixth of the main axis; null otherwise.
    /// </summary>
    private (Instant From, Instant To)? DetailWindow()
    {
        if (_scene.Evaluation.SlaStart is not { } start
            || _scene.Evaluation.Milestones.FirstOrDefault(m => m.Name is "first_touch" or "cadence_step_1") is not { Due: { } due } first)
        {
            return null;
        }

        var end = Instant.Max(due, first.MetAt ?? due);
        var from = Instant.Min(start, first.MetAt ?? start);
        var span = Duration.Max(end - from, Duration.FromMinutes(30));
        if (span * 6 > _scale.End - _scale.Start)
        {
            return null;
        }

        var pad = Duration.Max(span / 8, Duration.FromMinutes(10));
        return (from - pad, end + pad);
    }

    /// <summary>Draws one panel (business hours strip, lanes, axis) at <paramref name="top"/> on the current scale; returns its bottom.</summary>
    private double DrawPanel(SvgWriter svg, double top)
    {
        var evaluation = _scene.Evaluation;
        var lanes = new List<Lane>
        {
            new("Key instants", Visible(KeyInstants())),
            new("Touches", Visible(Touches())) { EmptyNote = _detail ? "no touch in this span" : "no touches" },
            new("Milestones", Visible(Milestones())) { EmptyNote = "no SLA: " + LeadStatusText(evaluation) },
            new("Escalations", Visible(Rungs())) { EmptyNote = _detail ? null : "no escalation ladder" },
            new("Ahead of at", Visible(Transitions())) { EmptyNote = _detail ? null : AheadNote() },
        };
        if (_detail)
        {
            lanes.RemoveAll(l => l.Items.Count == 0 && l.EmptyNote is null);
        }

        // Place labels first: lane heights depend on how many label rows each needs.
        var plotTop = top;
        var strip = new Lane("Business hours", Visible(CalendarLabels())) { Top = top };
        strip.Place(_scale);
        strip.Height = 34 + (Math.Max(1, strip.Rows) * RowHeight);
        top += strip.Height;
        foreach (var lane in lanes)
        {
            lane.Top = top;
            lane.Place(_scale);
            lane.Height = 24 + (Math.Max(1, lane.Rows) * RowHeight) + 6;
            top += lane.Height;
        }

        var ticks = _scale.Ticks(92);
        svg.Group(_detail ? "sla-panel detail" : "sla-panel");
        DrawBackground(svg, plotTop, top, ticks);
        DrawStrip(svg, strip);
        foreach (var lane in lanes)
        {
            DrawLane(svg, lane);
        }

        DrawVerticals(svg, plotTop, top);
        DrawAxis(svg, top, ticks);
        _axisY = top;
        svg.End();
        return top + 40;
    }

    /// <summary>The items of a lane that fall on the current axis (all of them on the main axis; the detail panel shows its span only).</summary>
    private List<LaneItem> Visible(List<LaneItem> items)
    {
        if (!_detail)
        {
            return items;
        }

        return items
            .Where(i => i.X >= _scale.Left - 0.5 && i.X <= _scale.Right + 0.5 && !i.Class.Contains("no-due", StringComparison.Ordinal))
            .Select(i => i with { Class = i.Class.Replace("sla-", "sla-detail-", StringComparison.Ordinal) })
            .ToList();
    }

    private void DrawHeader(SvgWriter svg)
    {
        var e = _scene.Evaluation;
        svg.Group("sla-header");
        svg.Text(16, 26, "Lead " + _scene.Lead.Id, $"class=\"sla-lead-id\" font-size=\"18\" font-weight=\"700\" fill=\"{Palette.Ink}\"");
        var facts = new List<string> { LeadStatusText(e) };
        AddFact(facts, "tier", e.Tier);
        AddFact(facts, "band", e.Band);
        AddFact(facts, "team", e.Team);
        AddFact(facts, "calendar", e.Calendar);
        svg.Text(16, 47, string.Join("  ·  ", facts), $"font-size=\"12.5\" fill=\"{Palette.Ink}\"");
        var line = $"{e.PolicyId} v{e.PolicyVersion.ToString(CultureInfo.InvariantCulture)}  ·  reason: {e.Reason}  ·  times in {_scene.Zone.Id}  ·  at {LocalFull(_scene.At, _scene.Zone)}";
        if (_scene.Ahead.Count + _scene.Later.Count > 0)
        {
            var next = _scene.Ahead.Count > 0 ? _scene.Ahead[0].At : _scene.Later[0].At;
            line += $"  ·  next change {Local(next, _scene.Zone)}";
        }

        svg.Text(16, 66, line, $"font-size=\"11.5\" fill=\"{Palette.Muted}\"");
        svg.End();
    }

    private static void AddFact(List<string> facts, string name, string? value)
    {
        if (value is not null)
        {
            facts.Add(name + " " + value);
        }
    }

    private static string LeadStatusText(LeadEvaluation evaluation) => EvaluationJson.StatusText(evaluation.Status);

    private void DrawBackground(SvgWriter svg, double plotTop, double plotBottom, IReadOnlyList<Tick> ticks)
    {
        var height = plotBottom - plotTop;
        svg.Group("sla-background");
        foreach (var tick in ticks)
        {
            var x = _scale.X(tick.At);
            svg.Line(x, plotTop, x, plotBottom, $"stroke=\"{(tick.Major || tick.DateLabel is not null ? "#cbd2d9" : Palette.Grid)}\" stroke-width=\"1\"");
        }

        if (HoursCalendar is { } calendar)
        {
            foreach (var period in calendar.OpenPeriods(_scale.Start, _scale.End))
            {
                var (x1, x2) = Span(period.Start, period.End);
                svg.Rect(x1, plotTop, x2 - x1, height, $"fill=\"{Palette.Open}\" fill-opacity=\"0.45\"");
            }
        }

        foreach (var pause in _scene.Lead.Paused.Intervals)
        {
            var from = pause.HasStart ? pause.Start : _scale.Start;
            var to = pause.HasEnd ? pause.End : _scale.End;
            if (to < _scale.Start || from > _scale.End)
            {
                continue;
            }

            var (x1, x2) = Span(from, to);
            svg.Group(Cls("sla-paused"), ("data-from", Iso(from)), ("data-to", Iso(to)))
                .Title($"paused {Local(from, _scene.Zone)} – {Local(to, _scene.Zone)}: no SLA time counts")
                .Rect(x1, plotTop, Math.Max(2, x2 - x1), height, $"fill=\"url(#{_idPrefix}hatch)\" stroke=\"{Palette.Paused}\" stroke-opacity=\"0.7\" stroke-dasharray=\"3 3\"")
                .End();
        }

        svg.End();
    }

    private (double X1, double X2) Span(Instant from, Instant to) => (_scale.ClampedX(from), _scale.ClampedX(to));

    private List<LaneItem> CalendarLabels()
    {
        var items = new List<LaneItem>();
        foreach (var pause in _scene.Lead.Paused.Intervals)
        {
            var from = pause.HasStart ? pause.Start : _scale.Start;
            var to = pause.HasEnd ? pause.End : _scale.End;
            if (to >= _scale.Start && from <= _scale.End)
            {
                var label = $"paused {Local(from, _scene.Zone)} – {Local(to, _scene.Zone)}";
                items.Add(new LaneItem(_scale.ClampedX(from), label, "sla-pause-label", [("data-from", Iso(from)), ("data-to", Iso(to))], label + ": no SLA time counts", null, Palette.Muted));
            }
        }

        if (HoursCalendar is not { } calendar)
        {
            return items;
        }

        foreach (var date in _scale.Dates())
        {
            var dayStart = _scale.StartOf(date);
            var dayEnd = _scale.StartOf(date.PlusDays(1));
            var mid = (_scale.ClampedX(dayStart) + _scale.ClampedX(dayEnd)) / 2;
            if (calendar.Overrides.TryGetValue(date, out var hours))
            {
                var text = hours.IsEmpty ? "override: closed" : "override: " + string.Join(", ", hours.Select(h => h.ToString()));
                items.Add(new LaneItem(mid, $"{Date(date)} {text}", "sla-override", [("data-date", date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))], $"{Date(date)}: {text}", null, Palette.Override));
                continue;
            }

            var closing = calendar.Holidays.Where(h => h.Closes(date)).ToList();
            if (closing.Count > 0)
            {
                var name = string.Join(", ", closing.Select(h => h.Name ?? "holiday"));
                items.Add(new LaneItem(mid, $"{Date(date)} {name}", "sla-holiday", [("data-date", date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)), ("data-name", name)], $"{Date(date)}: {name} (holiday, closed)", null, "#b42318"));
            }
        }

        return items;
    }

    private void DrawStrip(SvgWriter svg, Lane strip)
    {
        DrawLaneFrame(svg, strip);
        var barTop = strip.Top + 8;
        const double barHeight = 16;
        svg.Group("sla-hours");
        svg.Rect(_scale.Left, barTop, _scale.Right - _scale.Left, barHeight, $"fill=\"#f5f7fa\" stroke=\"{Palette.Grid}\"");
        if (HoursCalendar is { } calendar)
        {
            foreach (var date in _scale.Dates())
            {
                var (x1, x2) = Span(_scale.StartOf(date), _scale.StartOf(date.PlusDays(1)));
                if (calendar.Overrides.TryGetValue(date, out _))
                {
                    svg.Rect(x1, barTop - 3, x2 - x1, barHeight + 6, $"class=\"{Cls("sla-override-day")}\" fill=\"none\" stroke=\"{Palette.Override}\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"");
                }
                else if (calendar.Holidays.Any(h => h.Closes(date)))
                {
                    svg.Rect(x1, barTop, x2 - x1, barHeight, $"class=\"{Cls("sla-holiday-day")}\" fill=\"url(#{_idPrefix}holiday)\"");
                }
            }

            foreach (var period in calendar.OpenPeriods(_scale.Start, _scale.End))
            {
                var (x1, x2) = Span(period.Start, period.End);
                var cls = Cls("sla-open") + (period.Hours.IsOvernight ? " overnight" : string.Empty) + (period.IsOverride ? " override" : string.Empty);
                svg.Rect(x1, barTop + 2, Math.Max(1, x2 - x1), barHeight - 4, $"class=\"{cls}\" fill=\"{(period.IsOverride ? "#e0a84a" : Palette.OpenStrong)}\" stroke=\"#ffffff\" stroke-width=\"0.8\"");
            }
        }
        else
        {
            var note = _scene.Calendar is null ? "no calendar: the lead has no SLA" : $"{_scene.Calendar.Name}: hours not drawn over more than {MaxHoursSpan.Days} days";
            svg.Text(_scale.Left + 6, barTop + 12, note, $"fill=\"{Palette.Muted}\"");
        }

        svg.End();
        DrawLabels(svg, strip, strip.Top + 36, markers: false);
    }

    private List<LaneItem> KeyInstants()
    {
        var items = new List<LaneItem>();
        var e = _scene.Evaluation;
        if (e.SlaStart is { } start)
        {
            items.Add(new LaneItem(_scale.X(start), "SLA start " + Local(start, _scene.Zone), "sla-start", [("data-at", Iso(start))], "SLA start " + LocalFull(start, _scene.Zone), null, Palette.SlaStart));
        }

        items.Add(new LaneItem(_scale.X(_scene.At), "at " + Local(_scene.At, _scene.Zone), "sla-at", [("data-at", Iso(_scene.At))], "evaluated at " + LocalFull(_scene.At, _scene.Zone), null, Palette.At));
        if (_scene.Lead.Disposition is { } disposition)
        {
            var outcome = disposition.Outcome.ToString().ToLowerInvariant();
            var ignored = disposition.At > _scene.At ? " (after at, ignored)" : string.Empty;
            items.Add(new LaneItem(_scale.X(disposition.At), $"disposition: {outcome}{ignored}", "sla-disposition", [("data-at", Iso(disposition.At)), ("data-outcome", outcome)], $"disposition {outcome} at {LocalFull(disposition.At, _scene.Zone)}{ignored}", null, Palette.Disposition));
        }

        return items;
    }

    private void DrawVerticals(SvgWriter svg, double plotTop, double plotBottom)
    {
        var e = _scene.Evaluation;
        if (e.SlaStart is { } start && _scale.Contains(start))
        {
            var x = _scale.X(start);
            svg.Line(x, plotTop, x, plotBottom, $"class=\"{Cls("sla-start-line")}\" stroke=\"{Palette.SlaStart}\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"");
        }

        if (_scene.Lead.Disposition is { } disposition && _scale.Contains(disposition.At))
        {
            var x = _scale.X(disposition.At);
            svg.Line(x, plotTop, x, plotBottom, $"class=\"{Cls("sla-disposition-line")}\" stroke=\"{Palette.Disposition}\" stroke-width=\"1.5\" stroke-dasharray=\"2 2\"");
        }

        if (_scale.Contains(_scene.At))
        {
            var atX = _scale.X(_scene.At);
            svg.Line(atX, plotTop, atX, plotBottom, $"class=\"{Cls("sla-at-line")}\" stroke=\"{Palette.At}\" stroke-width=\"2\"");
        }
    }

    /// <summary>A stable class name; in the detail panel <c>sla-x</c> becomes <c>sla-detail-x</c>, so counting elements by class counts the main picture.</summary>
    private string Cls(string cssClass) => _detail ? cssClass.Replace("sla-", "sla-detail-", StringComparison.Ordinal) : cssClass;

    private List<LaneItem> Touches()
    {
        var items = new List<LaneItem>();
        var start = _scene.Evaluation.SlaStart;
        foreach (var touch in _scene.Lead.Touches.OrderBy(t => t.At))
        {
            var style = Palette.Channel(touch.Channel);
            var note = touch.At > _scene.At ? " (after at, ignored)" : start is { } s && touch.At < s ? " (before SLA start)" : string.Empty;
            var cls = "sla-touch" + (note.Length > 0 ? touch.At > _scene.At ? " after-at" : " before-start" : string.Empty);
            var title = $"{touch.Channel} at {LocalFull(touch.At, _scene.Zone)}{(touch.Outcome is null ? string.Empty : ", " + touch.Outcome)}{note}";
            items.Add(new LaneItem(_scale.X(touch.At), touch.Channel + note, cls, [("data-channel", touch.Channel), ("data-at", Iso(touch.At)), ("data-outcome", touch.Outcome)], title, (svg, x, y) =>
                svg.Marker(style.Shape, x, y, 9, note.Length > 0 ? $"fill=\"#ffffff\" stroke=\"{style.Colour}\" stroke-width=\"1.5\"" : $"fill=\"{style.Colour}\" stroke=\"#ffffff\" stroke-width=\"1\""), style.Colour));
        }

        if (_scene.Evaluation.NextTouch is { } next)
        {
            var style = Palette.Channel(next.Channel);
            items.Add(new LaneItem(_scale.X(next.Due), $"next: {next.Channel} for {next.Milestone}", "sla-next-touch", [("data-channel", next.Channel), ("data-milestone", next.Milestone), ("data-due", Iso(next.Due))], $"next touch: {next.Channel} for {next.Milestone}, due {LocalFull(next.Due, _scene.Zone)}", (svg, x, y) =>
                svg.Marker(style.Shape, x, y, 9, $"fill=\"#ffffff\" stroke=\"{style.Colour}\" stroke-width=\"1.5\" stroke-dasharray=\"2 1.5\""), style.Colour));
        }

        return items;
    }

    private List<LaneItem> Milestones()
    {
        var items = new List<LaneItem>();
        foreach (var milestone in _scene.Evaluation.Milestones)
        {
            var colour = Palette.Status(milestone.Status);
            var status = StatusText(milestone.Status);
            var warnFrom = _scene.AtRiskFrom.TryGetValue(milestone.Name, out var w) ? w : (Instant?)null;
            var data = new List<(string, string?)>
            {
                ("data-milestone", milestone.Name),
                ("data-status", status),
                ("data-due", milestone.Due is { } d ? Iso(d) : null),
                ("data-met-at", milestone.MetAt is { } m ? Iso(m) : null),
                ("data-warn-from", warnFrom is { } wf ? Iso(wf) : null),
            };
            var cls = "sla-milestone status-" + status.Replace('_', '-');
            if (milestone.Due is not { } due)
            {
                items.Add(new LaneItem(_scale.Right, $"{milestone.Name}: {status}, no due yet", cls + " no-due", [.. data], $"{milestone.Name}: {status}; no due yet (it follows an earlier step)", null, colour));
                continue;
            }

            var title = new StringBuilder($"{milestone.Name}: {status}; due {LocalFull(due, _scene.Zone)}");
            if (milestone.MetAt is { } met)
            {
                title.Append("; done ").Append(LocalFull(met, _scene.Zone));
            }

            if (milestone.LateBy > Duration.Zero)
            {
                title.Append("; late by ").Append(Seconds(milestone.LateBy.TotalSeconds));
            }

            if (warnFrom is { } warnStart)
            {
                title.Append("; at risk from ").Append(LocalFull(warnStart, _scene.Zone));
            }

            var label = $"{milestone.Name}: {status.Replace('_', ' ')} (due {Local(due, _scene.Zone)})";
            items.Add(new LaneItem(_scale.X(due), label, cls, [.. data], title.ToString(), (svg, x, y) =>
            {
                if (warnFrom is { } from)
                {
                    var wx = _scale.ClampedX(from);
                    svg.Rect(wx, y - 6, Math.Max(1.5, x - wx), 12, $"class=\"sla-warn-window\" fill=\"{Palette.Warn}\" fill-opacity=\"0.45\" stroke=\"{Palette.Warn}\"");
                }

                if (milestone.MetAt is { } metAt)
                {
                    var mx = _scale.ClampedX(metAt);
                    svg.Line(mx, y, x, y, $"stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{(metAt > due ? "none" : "3 2")}\"");
                    svg.Raw($"<path class=\"sla-met\" d=\"M{Num(mx - 4)} {Num(y)} l3 3.5 l6 -7\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.2\"/>");
                }
                else if (milestone.Status == MilestoneStatus.Breached && _scene.At > due)
                {
                    var endX = _scene.Lead.Disposition is { } disposition && disposition.At <= _scene.At ? _scale.ClampedX(disposition.At) : _scale.ClampedX(_scene.At);
                    svg.Line(x, y, endX, y, $"class=\"sla-overdue\" stroke=\"{colour}\" stroke-width=\"3\" stroke-opacity=\"0.6\"");
                }

                svg.Marker(MarkerShape.Diamond, x, y, 11, $"fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"1\"");
            }, colour));
        }

        return items;
    }

    private List<LaneItem> Rungs()
    {
        var items = new List<LaneItem>();
        var number = 0;
        foreach (var rung in _scene.Evaluation.Escalations)
        {
            number++;
            var notify = string.Join(", ", rung.Notify);
            var state = rung.Fired ? "fired" : rung.At > _scene.At ? "ahead" : "not fired";
            var colour = rung.Fired ? Palette.Fired : Palette.Muted;
            var label = $"{rung.After} → {notify}: {state}";
            var title = $"escalation {number.ToString(CultureInfo.InvariantCulture)} at {LocalFull(rung.At, _scene.Zone)} ({rung.After} after the SLA start): notify {notify}; {(rung.Fired ? "fired" : rung.At > _scene.At ? "fires then unless the lead is touched first" : "not fired: the lead was touched in time")}";
            items.Add(new LaneItem(_scale.X(rung.At), label, "sla-rung " + state.Replace(' ', '-'), [("data-rung", number.ToString(CultureInfo.InvariantCulture)), ("data-after", rung.After), ("data-at", Iso(rung.At)), ("data-notify", notify), ("data-fired", rung.Fired ? "true" : "false")], title, (svg, x, y) =>
            {
                svg.Line(x, y - 8, x, y + 8, $"stroke=\"{colour}\" stroke-width=\"1.5\"");
                svg.Polygon([(x, y - 8), (x + 10, y - 4), (x, y)], rung.Fired ? $"fill=\"{colour}\"" : $"fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"1.2\"");
            }, rung.Fired ? Palette.Fired : Palette.Ink));
        }

        return items;
    }

    private List<LaneItem> Transitions()
    {
        var items = new List<LaneItem>();
        foreach (var transition in _scene.Ahead)
        {
            var label = Describe(transition);
            items.Add(new LaneItem(_scale.X(transition.At), label, "sla-transition", [("data-subject", transition.Subject), ("data-field", transition.Field), ("data-to", transition.ToJson), ("data-at", Iso(transition.At)), ("data-key", transition.Key)], $"{Local(transition.At, _scene.Zone)}: {label} (was {Value(transition.FromJson)})", (svg, x, y) =>
                svg.Circle(x, y, 3.5, $"fill=\"#ffffff\" stroke=\"{Palette.Ink}\" stroke-width=\"1.5\""), Palette.Ink));
        }

        return items;
    }

    private string AheadNote() =>
        _scene.Later.Count > 0
            ? $"no change inside the picture; {_scene.Later.Count.ToString(CultureInfo.InvariantCulture)} later, the first {Local(_scene.Later[0].At, _scene.Zone)}"
            : "nothing changes ahead of at";

    /// <summary>A transition in words: <c>first_touch → breached</c>, <c>escalation_2 fires</c>, <c>next touch → call (effort)</c>.</summary>
    private string Describe(PictureTransition transition)
    {
        var to = Value(transition.ToJson);
        return (transition.Subject, transition.Field) switch
        {
            ("lead", var field) => $"lead {field} → {to}",
            (var subject, "fired") => transition.ToJson == "true" ? $"{subject} fires" : $"{subject} {(transition.ToJson == "null" ? "removed" : "clears")}",
            (var subject, "due") => $"{subject} due → {to}",
            ("next_touch", _) => $"next touch → {to}",
            (var subject, "status") => $"{subject} → {to.Replace('_', ' ')}",
            (var subject, var field) => $"{subject} {field} → {to}",
        };
    }

    /// <summary>A compact JSON value in words: strings unquoted (instants in local time), next touches as <c>channel (milestone)</c>.</summary>
    private string Value(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.String:
                    var text = root.GetString() ?? string.Empty;
                    return NodaTime.Text.InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed ? Local(parsed.Value, _scene.Zone) : text;
                case JsonValueKind.Null:
                    return "none";
                case JsonValueKind.Object when root.TryGetProperty("channel", out var channel) && root.TryGetProperty("milestone", out var milestone):
                    return $"{channel} ({milestone})";
                default:
                    return root.GetRawText();
            }
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private void DrawLaneFrame(SvgWriter svg, Lane lane)
    {
        svg.Line(0, lane.Top, _width, lane.Top, $"stroke=\"{Palette.Grid}\"");
        svg.Text(16, lane.Top + 20, lane.Name, $"class=\"sla-lane-name\" font-size=\"12\" font-weight=\"700\" fill=\"{Palette.Muted}\"");
    }

    private void DrawLane(SvgWriter svg, Lane lane)
    {
        DrawLaneFrame(svg, lane);
        var markerY = lane.Top + 16;
        if (lane.Items.Count == 0 && lane.EmptyNote is { } note)
        {
            svg.Text(_scale.Left + 6, markerY + 4, note, $"class=\"sla-empty\" font-style=\"italic\" fill=\"{Palette.Muted}\"");
            return;
        }

        DrawLabels(svg, lane, markerY, markers: true);
    }

    private void DrawLabels(SvgWriter svg, Lane lane, double markerY, bool markers)
    {
        var firstRowY = markers ? markerY + 22 : markerY;
        for (var i = 0; i < lane.Items.Count; i++)
        {
            var item = lane.Items[i];
            var (row, leftOfAnchor, textX) = lane.Placements[i];
            var labelY = firstRowY + (row * RowHeight);
            svg.Group(item.Class, item.Data).Title(item.Title);
            if (markers && item.DrawMarker is not null)
            {
                svg.Line(item.X, markerY + 7, item.X, labelY - 9, $"stroke=\"{Palette.Grid}\" stroke-width=\"1\"");
            }

            item.DrawMarker?.Invoke(svg, item.X, markerY);
            svg.Text(textX, labelY, item.Label, $"class=\"sla-label\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"{(leftOfAnchor ? " text-anchor=\"end\"" : string.Empty)} fill=\"{item.LabelColour ?? Palette.Ink}\"");
            svg.End();
        }
    }

    private void DrawAxis(SvgWriter svg, double y, IReadOnlyList<Tick> ticks)
    {
        svg.Group("sla-axis");
        svg.Line(_scale.Left, y, _scale.Right, y, $"stroke=\"{Palette.Ink}\" stroke-width=\"1\"");
        var lastLabelEnd = double.NegativeInfinity;
        var lastDateEnd = double.NegativeInfinity;
        foreach (var tick in ticks)
        {
            var x = _scale.X(tick.At);
            svg.Line(x, y, x, y + 5, $"stroke=\"{Palette.Ink}\"");
            var width = LabelRows.Width(tick.Label, 6.2);
            if (x - (width / 2) > lastLabelEnd + 4 && x + (width / 2) <= _width)
            {
                svg.Text(x, y + 17, tick.Label, $"text-anchor=\"middle\" fill=\"{Palette.Ink}\"{(tick.Major ? " font-weight=\"700\"" : string.Empty)}");
                lastLabelEnd = x + (width / 2);
            }

            if (tick.DateLabel is { } date)
            {
                var dateWidth = LabelRows.Width(date, 6.6);
                if (x - (dateWidth / 2) > lastDateEnd + 6 && x + (dateWidth / 2) <= _width)
                {
                    svg.Text(x, y + 32, date, $"text-anchor=\"middle\" font-weight=\"700\" fill=\"{Palette.Ink}\"");
                    lastDateEnd = x + (dateWidth / 2);
                }
            }
        }

        svg.End();
    }

    private List<LegendEntry> Legend()
    {
        var entries = new List<LegendEntry>();
        if (HoursCalendar is { } calendar)
        {
            entries.Add(new("open hours", (svg, x, y) => svg.Rect(x, y - 6, 16, 12, $"fill=\"{Palette.OpenStrong}\"")));
            if (_scale.Dates().Any(d => !calendar.Overrides.ContainsKey(d) && calendar.Holidays.Any(h => h.Closes(d))))
            {
                entries.Add(new("holiday", (svg, x, y) => svg.Rect(x, y - 6, 16, 12, $"fill=\"url(#{_idPrefix}holiday)\"")));
            }

            if (_scale.Dates().Any(calendar.Overrides.ContainsKey))
            {
                entries.Add(new("date override", (svg, x, y) => svg.Rect(x, y - 6, 16, 12, $"fill=\"#e0a84a\" stroke=\"{Palette.Override}\" stroke-dasharray=\"4 2\"")));
            }
        }

        if (!_scene.Lead.Paused.IsEmpty)
        {
            entries.Add(new("paused", (svg, x, y) => svg.Rect(x, y - 6, 16, 12, $"fill=\"url(#{_idPrefix}hatch)\" stroke=\"{Palette.Paused}\"")));
        }

        if (_scene.Evaluation.SlaStart is not null)
        {
            entries.Add(new("SLA start", (svg, x, y) => svg.Line(x + 8, y - 7, x + 8, y + 7, $"stroke=\"{Palette.SlaStart}\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"")));
        }

        entries.Add(new("at", (svg, x, y) => svg.Line(x + 8, y - 7, x + 8, y + 7, $"stroke=\"{Palette.At}\" stroke-width=\"2\"")));
        if (!_scene.AtRiskFrom.IsEmpty)
        {
            entries.Add(new("warning window", (svg, x, y) => svg.Rect(x, y - 5, 16, 10, $"fill=\"{Palette.Warn}\" fill-opacity=\"0.45\" stroke=\"{Palette.Warn}\"")));
        }

        foreach (var status in new[] { MilestoneStatus.Met, MilestoneStatus.MetLate, MilestoneStatus.AtRisk, MilestoneStatus.Pending, MilestoneStatus.Breached, MilestoneStatus.NotApplicable })
        {
            if (_scene.Evaluation.Milestones.Any(m => m.Status == status))
            {
                var colour = Palette.Status(status);
                entries.Add(new(StatusText(status).Replace('_', ' '), (svg, x, y) => svg.Marker(MarkerShape.Diamond, x + 8, y, 11, $"fill=\"{colour}\"")));
            }
        }

        if (_scene.Evaluation.Escalations.Any(r => r.Fired))
        {
            entries.Add(new("rung fired", (svg, x, y) => svg.Polygon([(x + 4, y - 6), (x + 14, y - 2), (x + 4, y + 2)], $"fill=\"{Palette.Fired}\"")));
        }

        if (_scene.Evaluation.Escalations.Any(r => !r.Fired))
        {
            entries.Add(new("rung not fired", (svg, x, y) => svg.Polygon([(x + 4, y - 6), (x + 14, y - 2), (x + 4, y + 2)], $"fill=\"#ffffff\" stroke=\"{Palette.Muted}\"")));
        }

        foreach (var channel in _scene.Lead.Touches.Select(t => t.Channel).Append(_scene.Evaluation.NextTouch?.Channel).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var style = Palette.Channel(channel);
            entries.Add(new(channel, (svg, x, y) => svg.Marker(style.Shape, x + 8, y, 9, $"fill=\"{style.Colour}\"")));
        }

        if (_scene.Ahead.Count > 0)
        {
            entries.Add(new("change ahead", (svg, x, y) => svg.Circle(x + 8, y, 3.5, $"fill=\"#ffffff\" stroke=\"{Palette.Ink}\" stroke-width=\"1.5\"")));
        }

        return entries;
    }

    private int LayoutLegend(List<LegendEntry> entries)
    {
        var x = LeftMargin;
        var row = 0;
        foreach (var entry in entries)
        {
            var width = 22 + LabelRows.Width(entry.Label) + 16;
            if (x + width > _width - RightMargin && x > LeftMargin)
            {
                row++;
                x = LeftMargin;
            }

            entry.X = x;
            entry.Row = row;
            x += width;
        }

        return row + 1;
    }

    private void DrawLegend(SvgWriter svg, List<LegendEntry> entries, double top)
    {
        svg.Group("sla-legend");
        svg.Text(16, top + 4, "Legend", $"font-size=\"12\" font-weight=\"700\" fill=\"{Palette.Muted}\"");
        foreach (var entry in entries)
        {
            var y = top + (entry.Row * 20);
            entry.Draw(svg, entry.X, y);
            svg.Text(entry.X + 22, y + 4, entry.Label, $"fill=\"{Palette.Ink}\"");
        }

        svg.End();
    }

    /// <summary>One labelled element of a lane: its anchor x, label, group class and data attributes, tooltip and marker.</summary>
    private sealed record LaneItem(double X, string Label, string Class, (string Name, string? Value)[] Data, string Title, Action<SvgWriter, double, double>? DrawMarker, string? LabelColour);

    private sealed class Lane(string name, List<LaneItem> items)
    {
        public string Name { get; } = name;

        public List<LaneItem> Items { get; } = items;

        public string? EmptyNote { get; init; }

        public double Top { get; set; }

        public double Height { get; set; }

        public int Rows { get; private set; }

        public List<(int Row, bool LeftOfAnchor, double TextX)> Placements { get; } = [];

        public void Place(TimeScale scale)
        {
            // Greedy, left to right (ties in list order), so the first row holds as many labels as fit.
            var rows = new LabelRows(scale.Left, scale.Right);
            var placements = new (int Row, bool LeftOfAnchor, double TextX)[Items.Count];
            foreach (var index in Enumerable.Range(0, Items.Count).OrderBy(i => Items[i].X).ThenBy(i => i))
            {
                placements[index] = rows.Place(Items[index].X, Items[index].Label);
            }

            Placements.AddRange(placements);

            Rows = rows.RowCount;
        }
    }

    private sealed class LegendEntry(string label, Action<SvgWriter, double, double> draw)
    {
        public string Label { get; } = label;

        public Action<SvgWriter, double, double> Draw { get; } = draw;

        public double X { get; set; }

        public int Row { get; set; }
    }
}
