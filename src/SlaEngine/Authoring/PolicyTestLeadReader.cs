using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Loading;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;
using static SlaEngine.Authoring.PolicyTestYaml;
using SlaEngine.Conditions;

namespace SlaEngine.Authoring;

/// <summary>
/// Reads a test's <c>lead</c>: the fields of the JSON lead snapshot (spec 4.1) written in YAML, with every problem
/// located. Unlike JSONL leads, unknown keys are errors here (a misspelt key would silently test something else).
/// </summary>
/// <remarks>
/// Attribute values follow YAML: plain <c>91</c> is a number, plain <c>true</c>/<c>false</c> a boolean, plain
/// <c>null</c>/<c>~</c> null, a list a list; anything else, and every quoted value, is a string.
/// </remarks>
internal static class PolicyTestLeadReader
{
    private static readonly string[] LeadKeys = ["id", "mql_at", "attributes", "events", "touches", "paused", "disposition", "assigned"];
    private static readonly string[] EventKeys = ["type", "at"];
    private static readonly string[] TouchKeys = ["channel", "at", "outcome"];
    private static readonly string[] PauseKeys = ["from", "to"];
    private static readonly string[] DispositionKeys = ["outcome", "at"];
    private static readonly string[] AssignedKeys = ["tier", "team"];
    private static readonly string[] Outcomes = ["convert", "defer", "recycle"];

    /// <summary>Reads a lead; returns null when it has errors (reported to <paramref name="bag"/>).</summary>
    /// <param name="node">The <c>lead</c> node.</param>
    /// <param name="defaultId">The id when the lead gives none (the test's name).</param>
    /// <param name="policy">The policy, to check pinned tiers and teams; null when it did not load.</param>
    /// <param name="bag">Receives the errors.</param>
    public static LeadSnapshot? Read(YamlNode node, string defaultId, SlaPolicy? policy, DiagnosticBag bag)
    {
        if (AsMapping(node, "`lead`", bag) is not { } map)
        {
            return null;
        }

        var errors = bag.Items.Count(d => d.IsError);
        CheckKeys(map, "a lead", LeadKeys, bag);
        var id = map.Get("id") is { } idNode ? ReadString(idNode, "the lead's `id`", bag) ?? defaultId : defaultId;
        var lead = new LeadSnapshot(id);
        if (map.Get("mql_at") is { } mqlAt && !IsNull(mqlAt))
        {
            lead = lead with { MqlAt = ReadInstant(mqlAt, "`mql_at`", bag) };
        }

        if (map.Get("attributes") is { } attributesNode && !IsNull(attributesNode) && AsMapping(attributesNode, "`attributes`", bag) is { } attributes)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, LeadValue>(StringComparer.Ordinal);
            foreach (var (key, value) in attributes.Entries)
            {
                builder[key.Value] = ReadValue(value, key.Value, bag);
            }

            lead = lead with { Attributes = builder.ToImmutable() };
        }

        if (map.Get("events") is { } eventsNode && !IsNull(eventsNode))
        {
            lead = lead with { Events = ReadItems(eventsNode, "`events`", EventKeys, bag, (e, where) => Required(e, "type", where, bag) is { } type && Required(e, "at", where, bag) is { } at && ReadString(type, "an event's `type`", bag) is { } typeText && ReadInstant(at, "an event's `at`", bag) is { } instant ? new LeadEvent(typeText, instant) : null) };
        }

        if (map.Get("touches") is { } touchesNode && !IsNull(touchesNode))
        {
            lead = lead with { Touches = ReadItems(touchesNode, "`touches`", TouchKeys, bag, (t, where) => ReadTouch(t, where, bag)) };
        }

        if (map.Get("paused") is { } pausedNode && !IsNull(pausedNode))
        {
            var intervals = ReadItems(pausedNode, "`paused`", PauseKeys, bag, (p, where) => ReadPause(p, where, bag));
            lead = lead with { Paused = PauseSchedule.Create(intervals.Select(i => i!.Value)) };
        }

        if (map.Get("disposition") is { } dispositionNode && !IsNull(dispositionNode) && AsMapping(dispositionNode, "`disposition`", bag) is { } disposition)
        {
            CheckKeys(disposition, "`disposition`", DispositionKeys, bag);
            var outcomeNode = Required(disposition, "outcome", "`disposition`", bag);
            var atNode = Required(disposition, "at", "`disposition`", bag);
            DispositionOutcome? outcome = null;
            if (outcomeNode is not null && ReadString(outcomeNode, "`disposition.outcome`", bag) is { } text)
            {
                outcome = text.Trim().ToLowerInvariant() switch
                {
                    "convert" => DispositionOutcome.Convert,
                    "defer" => DispositionOutcome.Defer,
                    "recycle" => DispositionOutcome.Recycle,
                    _ => null,
                };
                if (outcome is null)
                {
                    bag.Error(DiagnosticCodes.TestInvalidLead, outcomeNode.Line, outcomeNode.Column, Msg($"`disposition.outcome` is {Describe(outcomeNode)}; expected convert, defer or recycle{DidYouMean.Hint(text, Outcomes)}"));
                }
            }

            var at = atNode is not null ? ReadInstant(atNode, "`disposition.at`", bag) : null;
            if (outcome is { } o && at is { } instant)
            {
                lead = lead with { Disposition = new LeadDisposition(o, instant) };
            }
        }

        if (map.Get("assigned") is { } assignedNode && !IsNull(assignedNode) && AsMapping(assignedNode, "`assigned`", bag) is { } assigned)
        {
            CheckKeys(assigned, "`assigned`", AssignedKeys, bag);
            var tier = assigned.Get("tier") is { } tierNode && !IsNull(tierNode) ? ReadString(tierNode, "`assigned.tier`", bag) : null;
            var team = assigned.Get("team") is { } teamNode && !IsNull(teamNode) ? ReadString(teamNode, "`assigned.team`", bag) : null;
            if (tier is not null || team is not null)
            {
                lead = lead with { Assigned = new LeadAssignment(tier, team) };
                if (policy?.CheckAssignment(lead) is { } problem)
                {
                    bag.Error(DiagnosticCodes.TestInvalidLead, assignedNode.Line, assignedNode.Column, problem);
                }
            }
        }

        return bag.Items.Count(d => d.IsError) > errors ? null : lead;
    }

    private static bool IsNull(YamlNode node) => node is YamlScalar { IsNull: true };

    private static YamlNode? Required(YamlMapping map, string key, string where, DiagnosticBag bag)
    {
        var node = map.Get(key);
        if (node is null || IsNull(node))
        {
            bag.Error(DiagnosticCodes.TestMissingKey, map.Line, map.Column, Msg($"{where} needs `{key}`"));
            return null;
        }

        return node;
    }

    private static LeadTouch? ReadTouch(YamlMapping touch, string where, DiagnosticBag bag)
    {
        var channel = Required(touch, "channel", where, bag) is { } c ? ReadString(c, "a touch's `channel`", bag) : null;
        var at = Required(touch, "at", where, bag) is { } a ? ReadInstant(a, "a touch's `at`", bag) : null;
        var outcome = touch.Get("outcome") is { } o && !IsNull(o) ? ReadString(o, "a touch's `outcome`", bag) : null;
        return channel is not null && at is { } instant ? new LeadTouch(channel, instant, outcome) : null;
    }

    private static Interval? ReadPause(YamlMapping pause, string where, DiagnosticBag bag)
    {
        var from = Required(pause, "from", where, bag) is { } f ? ReadInstant(f, "a pause's `from`", bag) : null;
        var to = Required(pause, "to", where, bag) is { } t ? ReadInstant(t, "a pause's `to`", bag) : null;
        if (from is not { } start || to is not { } end)
        {
            return null;
        }

        if (end < start)
        {
            bag.Error(DiagnosticCodes.TestInvalidLead, pause.Line, pause.Column, "a paused interval ends before it starts");
            return null;
        }

        return new Interval(start, end);
    }

    private static ImmutableArray<T> ReadItems<T>(YamlNode node, string what, string[] keys, DiagnosticBag bag, Func<YamlMapping, string, T?> read)
    {
        var items = ImmutableArray.CreateBuilder<T>();
        if (AsSequence(node, what, bag) is not { } sequence)
        {
            return items.ToImmutable();
        }

        foreach (var item in sequence.Items)
        {
            if (AsMapping(item, "an entry of " + what, bag) is not { } map)
            {
                continue;
            }

            CheckKeys(map, "an entry of " + what, keys, bag);
            if (read(map, "an entry of " + what) is { } value)
            {
                items.Add(value);
            }
        }

        return items.ToImmutable();
    }

    private static LeadValue ReadValue(YamlNode node, string name, DiagnosticBag bag)
    {
        switch (node)
        {
            case YamlScalar { IsNull: true }:
                return LeadValue.Null;
            case YamlScalar scalar when scalar.TryGetBoolean(out var flag):
                return LeadValue.FromBoolean(flag);
            case YamlScalar scalar when scalar.TryGetDouble(out var number):
                return LeadValue.FromNumber(number);
            case YamlScalar scalar:
                return LeadValue.FromString(scalar.Value);
            case YamlSequence sequence:
                return LeadValue.FromList(sequence.Items.Select(i => ReadValue(i, name, bag)).ToImmutableArray());
            default:
                bag.Error(DiagnosticCodes.TestInvalidLead, node.Line, node.Column, Msg($"the attribute `{Truncate(name)}` must be null, a boolean, a number, a string or a list, not a mapping"));
                return LeadValue.Null;
        }
    }
}
