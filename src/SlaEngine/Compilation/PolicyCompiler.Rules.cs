using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SlaEngine.Conditions;
using SlaEngine.Loading;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.Compilation;

/// <content>The <c>fields</c>, <c>exclusions</c>, <c>scoring</c>, <c>qualification</c>, <c>bands</c> and <c>routing</c> sections.</content>
internal sealed partial class PolicyCompiler
{
    private static readonly string[] FieldTypeNames = ["number", "string", "bool", "boolean", "instant", "list"];
    private static readonly string[] NamedConditionKeys = ["name", "when"];
    private static readonly string[] ScoringKeys = ["rules"];
    private static readonly string[] ScoringRuleKeys = ["name", "when", "event", "points", "max", "within", "half_life"];
    private static readonly string[] QualificationKeys = ["triggers", "score_threshold"];
    private static readonly string[] TriggerKeys = ["name", "when", "tier"];
    private static readonly string[] BandsKeys = ["by", "ranges"];
    private static readonly string[] BandKeys = ["name", "from", "to", "below", "above", "tier", "nurture"];
    private static readonly string[] RoutingKeys = ["when", "default", "team", "calendar"];

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    private void CompileFields(YamlNode node)
    {
        if (AsMapping(node, "`fields`") is not { } map)
        {
            return;
        }

        var types = new Dictionary<string, FieldType>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!IdentifierPattern().IsMatch(key.Value) || key.Value == "score")
            {
                var why = key.Value == "score" ? "`score` is reserved for the computed score" : "a field name must match [A-Za-z_][A-Za-z0-9_]*";
                _diagnostics.Error(DiagnosticCodes.InvalidFieldName, key.Line, key.Column, Msg($"invalid field name `{Truncate(key.Value)}`: {why}"));
                ok = false;
                continue;
            }

            if (ReadFieldType(value) is { } type)
            {
                types.Add(key.Value, type);
            }
            else
            {
                ok = false;
            }
        }

        _fieldTypes = types;
        if (ok)
        {
            _fields = new FieldSchema(types);
        }
    }

    private FieldType? ReadFieldType(YamlNode node)
    {
        if (node is YamlScalar { IsNull: false } scalar)
        {
            switch (scalar.Value.Trim())
            {
                case "number":
                    return FieldTypes.Number;
                case "string":
                    return FieldTypes.String;
                case "bool" or "boolean":
                    return FieldTypes.Boolean;
                case "instant":
                    return FieldTypes.Instant;
                case "list":
                    return FieldTypes.List;
            }

            _diagnostics.Error(DiagnosticCodes.UnknownFieldType, node.Line, node.Column, Msg($"unknown field type `{Truncate(scalar.Value)}` (use number, string, bool, instant, list or {{ enum: [...] }}){DidYouMean.Hint(scalar.Value, FieldTypeNames)}"));
            return null;
        }

        if (node is YamlMapping map)
        {
            CheckKeys(map, "a field type", ["enum"]);
            if (Require(map, "enum", "an enum field type") is not { } valuesNode || AsSequence(valuesNode, "`enum`") is not { } values)
            {
                return null;
            }

            var names = ImmutableArray.CreateBuilder<string>();
            foreach (var item in values.Items)
            {
                if (ReadString(item, "an enum value") is not { } name)
                {
                    return null;
                }

                if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    _diagnostics.Error(DiagnosticCodes.EmptyEnum, item.Line, item.Column, Msg($"the enum value `{name}` is listed twice"));
                    return null;
                }

                names.Add(name);
            }

            if (names.Count == 0)
            {
                _diagnostics.Error(DiagnosticCodes.EmptyEnum, valuesNode.Line, valuesNode.Column, "an enum must list at least one value");
                return null;
            }

            return FieldTypes.Enum(names.ToImmutable());
        }

        _diagnostics.Error(DiagnosticCodes.UnknownFieldType, node.Line, node.Column, Msg($"a field type must be a name such as `number` or {{ enum: [...] }}, not {Describe(node)}"));
        return null;
    }

    private IEnumerable<(YamlMapping Map, YamlNode Node)> Items(YamlNode node, string what)
    {
        if (node is YamlScalar { IsNull: true })
        {
            yield break;
        }

        if (AsSequence(node, what) is not { } sequence)
        {
            yield break;
        }

        foreach (var item in sequence.Items)
        {
            if (AsMapping(item, "an entry of " + what) is { } map)
            {
                yield return (map, item);
            }
        }
    }

    private bool CheckUniqueName(HashSet<string> names, string name, YamlMapping map, string what)
    {
        if (names.Add(name))
        {
            return true;
        }

        var at = map.Get("name")!;
        _diagnostics.Error(DiagnosticCodes.DuplicateName, at.Line, at.Column, Msg($"two {what} are named `{name}`"));
        return false;
    }

    private ImmutableArray<ExclusionRule> CompileExclusions(YamlNode node)
    {
        var rules = ImmutableArray.CreateBuilder<ExclusionRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (map, item) in Items(node, "`exclusions`"))
        {
            CheckKeys(map, "an exclusion", NamedConditionKeys);
            var name = Require(map, "name", "an exclusion") is { } n ? ReadString(n, "an exclusion's `name`") : null;
            var when = Require(map, "when", "an exclusion") is { } w ? ReadCondition(w, "an exclusion's `when`", allowScore: true) : null;
            if (name is not null && CheckUniqueName(names, name, map, "exclusions") && when is not null)
            {
                rules.Add(Located(new ExclusionRule(name, when), item));
            }
        }

        return rules.ToImmutable();
    }

    private ImmutableArray<ScoringRule> CompileScoring(YamlNode node)
    {
        if (AsMapping(node, "`scoring`") is not { } scoring)
        {
            return [];
        }

        CheckKeys(scoring, "`scoring`", ScoringKeys);
        var rules = ImmutableArray.CreateBuilder<ScoringRule>();
        if (scoring.Get("rules") is not { } rulesNode)
        {
            return [];
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (map, _) in Items(rulesNode, "`scoring.rules`"))
        {
            var errors = ErrorCount();
            CheckKeys(map, "a scoring rule", ScoringRuleKeys);
            var name = Require(map, "name", "a scoring rule") is { } n ? ReadString(n, "a scoring rule's `name`") : null;
            if (name is not null)
            {
                CheckUniqueName(names, name, map, "scoring rules");
            }

            var whenNode = map.Get("when");
            var eventNode = map.Get("event");
            Condition? when = null;
            string? eventType = null;
            if (whenNode is not null && eventNode is not null)
            {
                var eventKey = map.GetKey("event")!;
                _diagnostics.Error(DiagnosticCodes.ConflictingKeys, eventKey.Line, eventKey.Column, "a scoring rule has either `when` or `event`, not both");
            }
            else if (whenNode is not null)
            {
                when = ReadCondition(whenNode, "a scoring rule's `when`", allowScore: false);
                foreach (var eventOnly in new[] { "max", "within", "half_life" })
                {
                    if (map.GetKey(eventOnly) is { } k)
                    {
                        _diagnostics.Error(DiagnosticCodes.KeyNotAllowedHere, k.Line, k.Column, Msg($"`{eventOnly}` applies only to `event` scoring rules"));
                    }
                }
            }
            else if (eventNode is not null)
            {
                eventType = ReadString(eventNode, "a scoring rule's `event`");
            }
            else
            {
                _diagnostics.Error(DiagnosticCodes.MissingOneOf, map.Line, map.Column, "a scoring rule needs `when` (a condition) or `event` (an event type)");
            }

            var points = Require(map, "points", "a scoring rule") is { } p ? ReadNumber(p, "`points`") : null;
            double? max = null;
            if (eventNode is not null && map.Get("max") is { } maxNode && ReadNumber(maxNode, "`max`") is { } m)
            {
                if (m <= 0)
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidRuleValue, maxNode.Line, maxNode.Column, "`max` must be a positive number (it caps the absolute value of the rule's total)");
                }

                max = m;
            }

            var within = eventNode is not null && map.Get("within") is { } withinNode ? ReadDuration(withinNode, "`within`", DurationUse.Elapsed) : null;
            var halfLife = eventNode is not null && map.Get("half_life") is { } halfLifeNode ? ReadDuration(halfLifeNode, "`half_life`", DurationUse.Elapsed) : null;
            if (halfLife is not null && map.Get("half_life") is YamlScalar hl && IsZeroAmount(hl))
            {
                _diagnostics.Error(DiagnosticCodes.ZeroDuration, hl.Line, hl.Column, "`half_life` must be longer than zero");
            }

            if (ErrorCount() == errors && name is not null && points is not null)
            {
                rules.Add(new ScoringRule(name, when, eventType, points.Value, max, within, halfLife));
            }

        }

        return rules.ToImmutable();
    }

    private static bool IsZeroAmount(YamlScalar scalar)
    {
        var first = scalar.Value.Trim().Split(' ')[0];
        return first.Length > 0 && first.All(c => c == '0');
    }

    private (ImmutableArray<TriggerRule> Triggers, double? Threshold) CompileQualification(YamlNode node)
    {
        if (AsMapping(node, "`qualification`") is not { } map)
        {
            return ([], null);
        }

        CheckKeys(map, "`qualification`", QualificationKeys);
        var triggers = ImmutableArray.CreateBuilder<TriggerRule>();
        if (map.Get("triggers") is { } triggersNode)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (trigger, item) in Items(triggersNode, "`qualification.triggers`"))
            {
                CheckKeys(trigger, "a trigger", TriggerKeys);
                var name = Require(trigger, "name", "a trigger") is { } n ? ReadString(n, "a trigger's `name`") : null;
                var when = Require(trigger, "when", "a trigger") is { } w ? ReadCondition(w, "a trigger's `when`", allowScore: true) : null;
                string? tier = null;
                var tierOk = true;
                if (trigger.Get("tier") is { } tierNode)
                {
                    tier = ReadTierReference(tierNode);
                    tierOk = tier is not null;
                }

                if (name is not null && CheckUniqueName(names, name, trigger, "triggers") && when is not null && tierOk)
                {
                    triggers.Add(Located(new TriggerRule(name, when, tier), item));
                }
            }
        }

        double? threshold = null;
        if (map.Get("score_threshold") is { } thresholdNode)
        {
            threshold = ReadNumber(thresholdNode, "`score_threshold`");
        }

        return (triggers.ToImmutable(), threshold);
    }

    private string? ReadTierReference(YamlNode node)
    {
        if (ReadString(node, "`tier`") is not { } tier)
        {
            return null;
        }

        if (!_tierNames.Contains(tier, StringComparer.Ordinal))
        {
            _diagnostics.Error(DiagnosticCodes.UndefinedTier, node.Line, node.Column, Msg($"the tier `{Truncate(tier)}` is not defined in `tiers`{DidYouMean.Hint(tier, _tierNames)}"));
            return null;
        }

        return tier;
    }

    private BandSet? CompileBands(YamlNode node)
    {
        if (AsMapping(node, "`bands`") is not { } map)
        {
            return null;
        }

        CheckKeys(map, "`bands`", BandsKeys);
        var errors = ErrorCount();
        string? by = null;
        if (Require(map, "by", "`bands`") is { } byNode && ReadString(byNode, "`bands.by`") is { } byText)
        {
            by = byText;
            if (byText != "score" && _fieldTypes is not null)
            {
                if (!_fieldTypes.TryGetValue(byText, out var type))
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidBandField, byNode.Line, byNode.Column, Msg($"`bands.by` must be `score` or a declared number field; `{Truncate(byText)}` is not declared in `fields`{DidYouMean.Hint(byText, _fieldTypes.Keys.Append("score"))}"));
                }
                else if (type.Kind != FieldKind.Number)
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidBandField, byNode.Line, byNode.Column, Msg($"`bands.by` must be `score` or a number field; `{byText}` is a {type.Kind.ToString().ToLowerInvariant()} field"));
                }
            }
            else if (byText != "score" && !IdentifierPattern().IsMatch(byText))
            {
                _diagnostics.Error(DiagnosticCodes.InvalidBandField, byNode.Line, byNode.Column, Msg($"`bands.by` must be `score` or a field name, not `{Truncate(byText)}`"));
            }
        }

        var bands = new List<(RankBand Band, YamlNode Node)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var rangesNode = Require(map, "ranges", "`bands`");
        if (rangesNode is not null)
        {
            foreach (var (band, item) in Items(rangesNode, "`bands.ranges`"))
            {
                if (CompileBand(band, names) is { } compiled)
                {
                    bands.Add((Located(compiled, item), item));
                }
            }
        }

        if (ErrorCount() > errors || by is null)
        {
            return null;
        }

        for (var j = 1; j < bands.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (Overlap(bands[i].Band, bands[j].Band))
                {
                    var at = bands[j].Node;
                    _diagnostics.Error(DiagnosticCodes.OverlappingBands, at.Line, at.Column, Msg($"band `{bands[j].Band.Name}` overlaps band `{bands[i].Band.Name}` (line {bands[i].Node.Line}); band ranges must not share a value"));
                    break;
                }
            }
        }

        if (ErrorCount() > errors)
        {
            return null;
        }

        var gaps = Gaps(bands.Select(b => b.Band).ToList());
        if (gaps.Count > 0 && rangesNode is not null)
        {
            var key = map.GetKey("ranges")!;
            _diagnostics.Warning(DiagnosticCodes.BandGap, key.Line, key.Column, Msg($"band ranges leave {string.Join(", ", gaps)} of 0-100 uncovered; leads there get no band and are nurtured"));
        }

        return new BandSet(by, bands.Select(b => b.Band).ToImmutableArray());
    }

    private RankBand? CompileBand(YamlMapping map, HashSet<string> names)
    {
        var errors = ErrorCount();
        CheckKeys(map, "a band", BandKeys);
        var name = Require(map, "name", "a band") is { } n ? ReadString(n, "a band's `name`") : null;
        if (name is not null)
        {
            CheckUniqueName(names, name, map, "bands");
        }

        var (lower, lowerExclusive) = ReadBandBound(map, "from", "above", "lower");
        var (upper, upperExclusive) = ReadBandBound(map, "to", "below", "upper");

        var hasBound = map.GetKey("from") is not null || map.GetKey("above") is not null || map.GetKey("to") is not null || map.GetKey("below") is not null;
        if (!hasBound)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidBandBounds, map.Line, map.Column, Msg($"band `{name}` needs a range: `from`/`to` (inclusive), `below` or `above`"));
        }
        else if (lower is { } lo && upper is { } hi && (lo > hi || (lo == hi && (lowerExclusive || upperExclusive))))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidBandBounds, map.Line, map.Column, Msg($"band `{name}` is empty: its lower bound {lo} is above its upper bound {hi}"));
        }

        string? tier = null;
        var nurture = false;
        if (map.Get("tier") is { } tierNode)
        {
            tier = ReadTierReference(tierNode);
        }

        if (map.Get("nurture") is { } nurtureNode)
        {
            nurture = ReadBoolean(nurtureNode, "`nurture`") ?? false;
        }

        if (map.GetKey("tier") is not null && nurture)
        {
            var k = map.GetKey("nurture")!;
            _diagnostics.Error(DiagnosticCodes.BandWithoutOutcome, k.Line, k.Column, Msg($"band `{name}` has both a `tier` and `nurture: true`; give one"));
        }
        else if (map.GetKey("tier") is null && !nurture && (map.Get("nurture") is not { } nurtureValue || (nurtureValue is YamlScalar nurtureScalar && nurtureScalar.TryGetBoolean(out _))))
        {
            _diagnostics.Error(DiagnosticCodes.BandWithoutOutcome, map.Line, map.Column, Msg($"band `{name}` needs a `tier` or `nurture: true`"));
        }

        return ErrorCount() > errors || name is null
            ? null
            : new RankBand(name, lower, lowerExclusive, upper, upperExclusive, tier, nurture);
    }


    /// <summary>Reads one side of a band: the inclusive key (<c>from</c>/<c>to</c>) or the exclusive one (<c>above</c>/<c>below</c>), not both.</summary>
    private (double? Value, bool Exclusive) ReadBandBound(YamlMapping map, string inclusive, string exclusive, string side)
    {
        double? value = map.Get(inclusive) is { } inclusiveNode ? ReadNumber(inclusiveNode, $"`{inclusive}`") : null;
        if (map.Get(exclusive) is not { } exclusiveNode)
        {
            return (value, false);
        }

        if (map.GetKey(inclusive) is not null)
        {
            var k = map.GetKey(exclusive)!;
            _diagnostics.Error(DiagnosticCodes.InvalidBandBounds, k.Line, k.Column, $"a band has `{inclusive}` or `{exclusive}` as its {side} bound, not both");
            return (value, false);
        }

        return (ReadNumber(exclusiveNode, $"`{exclusive}`"), true);
    }
    private static bool Overlap(RankBand a, RankBand b)
    {
        // The intersection's lower end is the larger lower bound, its upper end the smaller upper bound.
        var (lo, loExclusive) = MaxLower(a, b);
        var (hi, hiExclusive) = MinUpper(a, b);
        return lo < hi || (lo == hi && !loExclusive && !hiExclusive);
    }

    private static (double Value, bool Exclusive) MaxLower(RankBand a, RankBand b)
    {
        var av = a.From ?? double.NegativeInfinity;
        var bv = b.From ?? double.NegativeInfinity;
        return av > bv ? (av, a.FromExclusive) : bv > av ? (bv, b.FromExclusive) : (av, a.FromExclusive || b.FromExclusive);
    }

    private static (double Value, bool Exclusive) MinUpper(RankBand a, RankBand b)
    {
        var av = a.To ?? double.PositiveInfinity;
        var bv = b.To ?? double.PositiveInfinity;
        return av < bv ? (av, a.ToExclusive) : bv < av ? (bv, b.ToExclusive) : (av, a.ToExclusive || b.ToExclusive);
    }

    private static List<string> Gaps(List<RankBand> bands)
    {
        // Coverage of 0-100 is checked at whole numbers: ranks and scores are written as integers (84 and 85 are adjacent).
        var gaps = new List<string>();
        int? start = null;
        for (var v = 0; v <= 101; v++)
        {
            var covered = v == 101 || bands.Exists(b => b.Contains(v));
            if (!covered && start is null)
            {
                start = v;
            }
            else if (covered && start is { } s)
            {
                gaps.Add(s == v - 1 ? Msg($"{s}") : Msg($"{s}-{v - 1}"));
                start = null;
            }
        }

        return gaps;
    }

    private ImmutableArray<RoutingRule> CompileRouting(YamlScalar key, YamlNode node)
    {
        var rules = ImmutableArray.CreateBuilder<RoutingRule>();
        var errors = ErrorCount();
        YamlNode? defaultNode = null;
        foreach (var (map, item) in Items(node, "`routing`"))
        {
            CheckKeys(map, "a routing rule", RoutingKeys);
            if (defaultNode is not null)
            {
                _diagnostics.Error(DiagnosticCodes.RuleAfterDefault, item.Line, item.Column, Msg($"this routing rule follows the `default` rule (line {defaultNode.Line}) and can never match; the default must be last"));
            }

            var isDefault = map.Get("default") is { } d && (ReadBoolean(d, "`default`") ?? false);
            Condition? when = null;
            if (isDefault)
            {
                defaultNode ??= item;
                if (map.GetKey("when") is { } whenKey)
                {
                    _diagnostics.Error(DiagnosticCodes.ConflictingKeys, whenKey.Line, whenKey.Column, "the `default` routing rule has no `when`");
                }
            }
            else if (map.Get("when") is { } whenNode)
            {
                when = ReadCondition(whenNode, "a routing rule's `when`", allowScore: true);
            }
            else
            {
                _diagnostics.Error(DiagnosticCodes.MissingOneOf, map.Line, map.Column, "a routing rule needs `when` (a condition) or `default: true`");
            }

            var team = Require(map, "team", "a routing rule") is { } t ? ReadString(t, "`team`") : null;
            string? calendar = null;
            if (Require(map, "calendar", "a routing rule") is { } c && ReadString(c, "`calendar`") is { } calendarName)
            {
                if (_calendarNames.Contains(calendarName, StringComparer.Ordinal))
                {
                    calendar = calendarName;
                }
                else
                {
                    _diagnostics.Error(DiagnosticCodes.UnknownCalendar, c.Line, c.Column, Msg($"the calendar `{Truncate(calendarName)}` is not defined in `calendars`{DidYouMean.Hint(calendarName, _calendarNames)}"));
                }
            }

            if (team is not null && calendar is not null && (isDefault || when is not null))
            {
                rules.Add(Located(new RoutingRule(when, isDefault, team, calendar), item));
            }
        }

        if (defaultNode is null && ErrorCount() == errors)
        {
            _diagnostics.Error(DiagnosticCodes.RoutingWithoutDefault, key.Line, key.Column, "`routing` needs a last rule `{ default: true, team: ..., calendar: ... }` for leads no other rule matches");
        }

        return rules.ToImmutable();
    }
}
