using System.Globalization;
using System.Text;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using static SlaEngine.Pictures.Markup;

namespace SlaEngine.Pictures;

/// <summary>
/// Builds one self-contained HTML page with the SLA timeline of many leads (see <see cref="TimelineSvg"/>) and a small
/// index: each lead's status, tier, team, milestones and next change, linked to its picture.
/// </summary>
/// <remarks>
/// The page is inline SVG and CSS only; a content security policy forbids every fetch, so it renders the same
/// offline. Leads that could not be read are listed in the index with their error. Every text from the policy or a
/// lead is escaped, and the same leads in the same order always give the same bytes. Not thread-safe: add from one
/// thread.
/// </remarks>
/// <example>
/// <code>
/// var page = new TimelinePage(policy, at);
/// foreach (var lead in leads)
/// {
///     page.Add(lead);
/// }
///
/// File.WriteAllText("timelines.html", page.Render());
/// </code>
/// </example>
public sealed class TimelinePage
{
    private readonly SlaPolicy _policy;
    private readonly Instant _at;
    private readonly TimelinePictureOptions _options;
    private readonly List<Entry> _entries = [];

    /// <summary>Initializes a new instance of the <see cref="TimelinePage"/> class.</summary>
    /// <param name="policy">The policy the leads are evaluated under.</param>
    /// <param name="at">The evaluation instant.</param>
    /// <param name="options">The picture options; <see langword="null"/> for <see cref="TimelinePictureOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public TimelinePage(SlaPolicy policy, Instant at, TimelinePictureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _at = at;
        _options = options ?? TimelinePictureOptions.Default;
    }

    /// <summary>Gets how many leads (valid or not) the page lists.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Adds a lead: its picture and its index row; a lead that cannot be evaluated under the policy (a pinned tier the
    /// policy does not define, an instant outside the supported years) is listed in the index with its error instead.
    /// </summary>
    /// <param name="lead">The lead.</param>
    /// <returns>Whether the lead was drawn (false when it was listed with its error).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lead"/> is null.</exception>
    public bool Add(LeadSnapshot lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (_policy.TryEvaluate(lead, _at, EvaluationOptions.WithoutTrace).Error is { } error)
        {
            AddInvalid(lead.Id, error.Code, error.Message);
            return false;
        }

        var number = _entries.Count + 1;
        var svg = new StringBuilder(16 * 1024);
        var scene = TimelineSvg.Render(svg, _policy, lead, _at, _options, "l" + number.ToString(CultureInfo.InvariantCulture) + "-");
        var next = scene.Ahead.Count > 0 ? scene.Ahead[0].At : scene.Later.Count > 0 ? scene.Later[0].At : (Instant?)null;
        var nextText = next is { } n ? Local(n, scene.Zone) + " " + scene.Zone.GetZoneInterval(n).Name : "–";
        _entries.Add(new Entry(lead.Id, scene.Evaluation, svg.ToString(), null, nextText));
        return true;
    }

    /// <summary>Lists a lead that could not be read or evaluated, with its error, in the index.</summary>
    /// <param name="id">The lead's id when it could be read.</param>
    /// <param name="code">The error code, for example <c>SLA0703</c>.</param>
    /// <param name="message">The error message.</param>
    /// <param name="line">The 1-based input line, when known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="message"/> is null.</exception>
    public void AddInvalid(string? id, string code, string message, int? line = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(message);
        var where = line is { } l ? $"line {l.ToString(CultureInfo.InvariantCulture)}: " : string.Empty;
        _entries.Add(new Entry(id, null, null, $"{where}{code}: {message}", null));
    }

    /// <summary>Renders the page.</summary>
    /// <returns>The HTML document.</returns>
    public string Render()
    {
        var html = new StringBuilder(1024 + _entries.Sum(e => (e.Svg?.Length ?? 0) + 512));
        var version = _policy.Version.ToString(CultureInfo.InvariantCulture);
        PageStyle.Open(html, $"SLA timelines · {_policy.Id} v{version} · {Iso(_at)}");
        html.Append("<header><h1>SLA timelines</h1><p class=\"meta\">")
            .Append(Escape($"{_policy.Id} v{version} · evaluated at {Iso(_at)} · {_entries.Count.ToString(CultureInfo.InvariantCulture)} lead{(_entries.Count == 1 ? string.Empty : "s")}"))
            .Append("</p></header>\n");
        html.Append("<nav class=\"index\"><table><thead><tr><th class=\"num\">#</th><th>Lead</th><th>Status</th><th>Tier</th><th>Team</th><th>Milestones</th><th>Escalations</th><th>Next change</th></tr></thead><tbody>\n");
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            html.Append("<tr><td class=\"num\">").Append(n).Append("</td><td>");
            if (entry.Evaluation is { } e)
            {
                html.Append("<a href=\"#lead-").Append(n).Append("\">").Append(Escape(entry.Id)).Append("</a></td><td>")
                    .Append(Escape(EvaluationJson.StatusText(e.Status))).Append("</td><td>").Append(Escape(e.Tier ?? "–"))
                    .Append("</td><td>").Append(Escape(e.Team ?? "–")).Append("</td><td>");
                foreach (var milestone in e.Milestones)
                {
                    html.Append("<span class=\"status\" style=\"color:").Append(Palette.Status(milestone.Status)).Append("\">")
                        .Append(Escape(milestone.Name)).Append(": ").Append(Escape(EvaluationJson.StatusText(milestone.Status))).Append("</span> ");
                }

                var fired = e.Escalations.Count(r => r.Fired);
                html.Append("</td><td>").Append(e.Escalations.IsEmpty ? "–" : Escape($"{fired.ToString(CultureInfo.InvariantCulture)} of {e.Escalations.Length.ToString(CultureInfo.InvariantCulture)} fired"))
                    .Append("</td><td>").Append(Escape(entry.NextChange)).Append("</td></tr>\n");
            }
            else
            {
                html.Append(Escape(entry.Id ?? "(no id)")).Append("</td><td colspan=\"6\" class=\"error\">").Append(Escape(entry.Error)).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody></table></nav>\n");
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            if (entry.Svg is null)
            {
                continue;
            }

            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            html.Append("<section class=\"lead\" id=\"lead-").Append(n).Append("\"><h2><span>").Append(Escape(entry.Id))
                .Append("</span></h2><figure>").Append(entry.Svg).Append("</figure></section>\n");
        }

        PageStyle.Close(html);
        return html.ToString();
    }

    /// <summary>Renders the page to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render());
    }

    private sealed record Entry(string? Id, LeadEvaluation? Evaluation, string? Svg, string? Error, string? NextChange);
}
