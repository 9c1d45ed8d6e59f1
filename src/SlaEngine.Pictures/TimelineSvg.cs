using System.Text;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Pictures;

/// <summary>
/// Draws one lead's SLA on one horizontal time axis as a standalone SVG document.
/// </summary>
/// <remarks>
/// <para>
/// The picture shows, in the zone of the lead's routed calendar (or <see cref="TimelinePictureOptions.Zone"/>): the
/// calendar's open hours day by day (holidays hatched and named, date overrides outlined, overnight intervals running
/// across midnight), the lead's paused intervals hatched across every lane, the SLA start, every touch by channel,
/// the next touch, each milestone's due in its status colour with its warning window (from the instant it turned, or
/// turns, at risk), the escalation rungs (fired or not, with who is notified), the disposition, the evaluation instant
/// as a vertical line, and the transitions ahead of it. Labels are placed greedily in rows so they never overlap; the
/// axis ticks adapt from quarter hours to years; a legend names what is drawn.
/// </para>
/// <para>
/// Every milestone, rung, touch and transition is a <c>g</c> element with a stable class (<c>sla-milestone</c>,
/// <c>sla-rung</c>, <c>sla-touch</c>, <c>sla-next-touch</c>, <c>sla-transition</c>, <c>sla-paused</c>,
/// <c>sla-holiday</c>, <c>sla-override</c>, <c>sla-start</c>, <c>sla-at</c>) and <c>data-*</c> attributes with its
/// values (instants in UTC), so the picture can be styled and tested. The output is self-contained (no script, no
/// external font, image or URL), every text from the policy or the lead is escaped, and the same input always gives
/// the same bytes. Thread-safe.
/// </para>
/// </remarks>
public static class TimelineSvg
{
    /// <summary>Draws a lead's SLA evaluated at <paramref name="at"/> as an SVG document.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead.</param>
    /// <param name="at">The evaluation instant (drawn as a vertical line); transitions after it are drawn as what changes next.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="TimelinePictureOptions.Default"/>.</param>
    /// <returns>The SVG document, UTF-8 text without an XML declaration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="lead"/> is null.</exception>
    /// <exception cref="InvalidLeadException">The lead cannot be evaluated under the policy (as <see cref="SlaPolicyEvaluationExtensions.Evaluate(SlaPolicy, LeadSnapshot, Instant)"/>; <see cref="SlaPolicyEvaluationExtensions.TryEvaluate"/> tells first, without throwing).</exception>
    public static string Render(SlaPolicy policy, LeadSnapshot lead, Instant at, TimelinePictureOptions? options = null)
    {
        var text = new StringBuilder(16 * 1024);
        Render(text, policy, lead, at, options ?? TimelinePictureOptions.Default, "sla-");
        return text.ToString();
    }

    /// <summary>Draws a lead's SLA and writes the SVG document to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="lead">The lead.</param>
    /// <param name="at">The evaluation instant.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="TimelinePictureOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidLeadException">The lead cannot be evaluated under the policy.</exception>
    public static void Write(TextWriter writer, SlaPolicy policy, LeadSnapshot lead, Instant at, TimelinePictureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(policy, lead, at, options));
    }

    /// <summary>Renders into a builder with an id prefix unique within the page (patterns are referenced by id).</summary>
    /// <returns>The scene that was drawn (the evaluation and the transitions).</returns>
    internal static TimelineScene Render(StringBuilder output, SlaPolicy policy, LeadSnapshot lead, Instant at, TimelinePictureOptions options, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(lead);
        var scene = TimelineScene.Create(policy, lead, at, options);
        TimelineRenderer.Render(output, scene, options, idPrefix);
        return scene;
    }
}
