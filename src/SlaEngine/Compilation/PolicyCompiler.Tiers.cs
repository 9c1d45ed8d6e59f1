using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SlaEngine.Calendars;
using SlaEngine.Loading;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.Compilation;

/// <content>The <c>tiers</c> and <c>goals</c> sections.</content>
internal sealed partial class PolicyCompiler
{
    private static readonly string[] TierKeys =
    [
        "responsible", "first_touch", "effort", "complete_within", "disposition_within", "cadence", "on_exhausted",
        "escalations", "warn_before",
    ];

    private static readonly string[] FirstTouchKeys = ["channels", "within", "warn_before"];
    private static readonly string[] CadenceStepKeys = ["channels", "within", "when", "warn_before"];
    private static readonly string[] EscalationKeys = ["after", "notify"];
    private static readonly string[] OnExhaustedValues = ["recycle"];
    private static readonly string[] GoalBoundKeys = ["min", "max"];

    private static readonly string[] GoalNames =
    [
        "first_touch_attainment", "effort_attainment", "disposition_attainment", "mql_per_month", "median_speed_to_lead",
        "p90_speed_to_lead", "leakage",
    ];

    [GeneratedRegex(@"^cadence_step_[1-9][0-9]*_attainment$", RegexOptions.CultureInvariant)]
    private static partial Regex CadenceGoalPattern();

    private ImmutableArray<TierDefinition> CompileTiers(YamlNode node)
    {
        if (node is YamlScalar { IsNull: true } || AsMapping(node, "`tiers`") is not { } map)
        {
            return [];
        }

        var tiers = ImmutableArray.CreateBuilder<TierDefinition>();
        foreach (var (key, value) in map.Entries)
        {
            if (string.IsNullOrWhiteSpace(key.Value))
            {
                _diagnostics.Error(DiagnosticCodes.EmptyValue, key.Line, key.Column, "a tier name must not be empty");
                continue;
            }

            if (CompileTier(key.Value, value) is { } tier)
            {
                tiers.Add(Located(tier, key));
                LocateMembers(tier, value);
            }
        }

        return tiers.ToImmutable();
    }

    private TierDefinition? CompileTier(string name, YamlNode node)
    {
        var where = Msg($"tier `{name}`");
        if (node is YamlScalar { IsNull: true })
        {
            return new TierDefinition(name, null, null, [], null, null, [], false, [], null);
        }

        if (AsMapping(node, where) is not { } map)
        {
            return null;
        }

        var errors = ErrorCount();
        CheckKeys(map, where, TierKeys);
        var responsible = map.Get("responsible") is { } r ? ReadString(r, "`responsible`") : null;
        var warnBefore = map.Get("warn_before") is { } wb ? ReadWarnBefore(wb, "`warn_before`") : null;

        FirstTouchRule? firstTouch = null;
        if (map.Get("first_touch") is { } firstTouchNode && AsMapping(firstTouchNode, "`first_touch`") is { } ft)
        {
            CheckKeys(ft, "`first_touch`", FirstTouchKeys);
            var channels = Require(ft, "channels", "`first_touch`") is { } c ? ReadNameList(c, "`channels`", DiagnosticCodes.EmptyChannels) : null;
            var within = Require(ft, "within", "`first_touch`") is { } w ? ReadDuration(w, "`within`", DurationUse.Deadline) : null;
            var ftWarn = ft.Get("warn_before") is { } fw ? ReadWarnBefore(fw, "`warn_before`") : null;
            if (channels is not null && within is not null)
            {
                firstTouch = new FirstTouchRule(channels.Value, within.Value, ftWarn);
            }
        }

        var effort = ImmutableArray.CreateBuilder<EffortCount>();
        var effortKey = map.GetKey("effort");
        if (map.Get("effort") is { } effortNode && AsMapping(effortNode, "`effort`") is { } effortMap)
        {
            if (effortMap.Entries.IsEmpty)
            {
                _diagnostics.Error(DiagnosticCodes.EffortWithoutTouches, effortNode.Line, effortNode.Column, "`effort` asks for zero touches; give each channel a count such as { call: 3, email: 1 }");
            }

            foreach (var (channelKey, countNode) in effortMap.Entries)
            {
                if (ReadCount(countNode, Msg($"the `{channelKey.Value}` count")) is not { } count)
                {
                    continue;
                }

                if (count == 0)
                {
                    _diagnostics.Error(DiagnosticCodes.EffortWithoutTouches, countNode.Line, countNode.Column, Msg($"`effort` asks for zero `{channelKey.Value}` touches; remove the channel or give a positive count"));
                    continue;
                }

                effort.Add(new EffortCount(channelKey.Value, count));
            }
        }

        var completeWithin = map.Get("complete_within") is { } cw ? ReadDuration(cw, "`complete_within`", DurationUse.Deadline) : null;
        if (effortKey is not null && map.GetKey("complete_within") is null)
        {
            _diagnostics.Error(DiagnosticCodes.EffortWithoutDeadline, effortKey.Line, effortKey.Column, Msg($"{where} has `effort` but no `complete_within`; say by when the touches must be done"));
        }

        var dispositionWithin = map.Get("disposition_within") is { } dw ? ReadDuration(dw, "`disposition_within`", DurationUse.Deadline) : null;

        var cadence = ImmutableArray.CreateBuilder<CadenceStep>();
        if (map.Get("cadence") is { } cadenceNode)
        {
            if (cadenceNode is YamlSequence { Items.IsEmpty: true } || cadenceNode is YamlScalar { IsNull: true })
            {
                _diagnostics.Error(DiagnosticCodes.EmptyCadence, cadenceNode.Line, cadenceNode.Column, "`cadence` lists no steps");
            }

            var number = 0;
            foreach (var (step, _) in Items(cadenceNode, "`cadence`"))
            {
                number++;
                CheckKeys(step, "a cadence step", CadenceStepKeys);
                var channels = Require(step, "channels", "a cadence step") is { } c ? ReadNameList(c, "`channels`", DiagnosticCodes.EmptyChannels) : null;
                var within = Require(step, "within", "a cadence step") is { } w ? ReadDuration(w, "`within`", DurationUse.Deadline) : null;
                var when = step.Get("when") is { } wn ? ReadCondition(wn, "a cadence step's `when`", allowScore: true) : null;
                var stepWarn = step.Get("warn_before") is { } sw ? ReadWarnBefore(sw, "`warn_before`") : null;
                if (channels is not null && within is not null)
                {
                    cadence.Add(new CadenceStep(number, channels.Value, within.Value, when, stepWarn));
                }
            }
        }

        var recycle = false;
        if (map.Get("on_exhausted") is { } onExhausted)
        {
            var text = onExhausted is YamlScalar { IsNull: false } s ? s.Value.Trim() : string.Empty;
            if (text == "recycle")
            {
                recycle = true;
                if (map.GetKey("cadence") is null && effortKey is null)
                {
                    _diagnostics.Error(DiagnosticCodes.OnExhaustedWithoutWork, onExhausted.Line, onExhausted.Column, Msg($"{where} sets `on_exhausted` but has neither `cadence` nor `effort` to exhaust"));
                }
            }
            else
            {
                _diagnostics.Error(DiagnosticCodes.UnknownOnExhausted, onExhausted.Line, onExhausted.Column, Msg($"`on_exhausted` must be `recycle`, not {Describe(onExhausted)}{DidYouMean.Hint(text, OnExhaustedValues)}"));
            }
        }

        var escalations = ImmutableArray.CreateBuilder<EscalationRung>();
        if (map.Get("escalations") is { } escalationsNode)
        {
            foreach (var (rung, _) in Items(escalationsNode, "`escalations`"))
            {
                CheckKeys(rung, "an escalation", EscalationKeys);
                var afterNode = Require(rung, "after", "an escalation");
                var after = afterNode is not null ? ReadDuration(afterNode, "`after`", DurationUse.Deadline) : null;
                var notify = Require(rung, "notify", "an escalation") is { } n ? ReadNameList(n, "`notify`", DiagnosticCodes.EmptyChannels) : null;
                if (after is not null && notify is not null)
                {
                    escalations.Add(Located(new EscalationRung(after.Value, ((YamlScalar)afterNode!).Value.Trim(), notify.Value), afterNode!));
                }
            }
        }

        return ErrorCount() > errors
            ? null
            : new TierDefinition(
                name,
                responsible,
                firstTouch,
                effort.ToImmutable(),
                completeWithin,
                dispositionWithin,
                cadence.ToImmutable(),
                recycle,
                escalations.ToImmutable(),
                warnBefore);
    }

    private ImmutableArray<Goal> CompileGoals(YamlNode node)
    {
        if (node is YamlScalar { IsNull: true } || AsMapping(node, "`goals`") is not { } map)
        {
            return [];
        }

        var goals = ImmutableArray.CreateBuilder<Goal>();
        foreach (var (key, value) in map.Entries)
        {
            var name = key.Value;
            var isAttainment = GoalNames.Contains(name, StringComparer.Ordinal) ? name.EndsWith("_attainment", StringComparison.Ordinal) : CadenceGoalPattern().IsMatch(name);
            if (!isAttainment && !GoalNames.Contains(name, StringComparer.Ordinal))
            {
                _diagnostics.Error(DiagnosticCodes.UnknownGoal, key.Line, key.Column, Msg($"unknown goal `{Truncate(name)}` (use <milestone>_attainment, mql_per_month, median_speed_to_lead, p90_speed_to_lead or leakage){DidYouMean.Hint(name, GoalNames)}"));
                continue;
            }

            if (AsMapping(value, Msg($"the goal `{name}`")) is not { } goalMap)
            {
                continue;
            }

            CheckKeys(goalMap, Msg($"the goal `{name}`"), GoalBoundKeys);
            var minNode = goalMap.Get("min");
            var maxNode = goalMap.Get("max");
            if ((minNode is null) == (maxNode is null))
            {
                _diagnostics.Error(DiagnosticCodes.InvalidGoalBound, goalMap.Line, goalMap.Column, Msg($"the goal `{name}` needs exactly one of `min` and `max`"));
                continue;
            }

            var bound = minNode is not null ? GoalBound.Min : GoalBound.Max;
            var target = (minNode ?? maxNode)!;
            var wanted = isAttainment || name == "mql_per_month" ? GoalBound.Min : GoalBound.Max;
            if (bound != wanted)
            {
                var boundKey = goalMap.GetKey(bound == GoalBound.Min ? "min" : "max")!;
                _diagnostics.Error(DiagnosticCodes.InvalidGoalBound, boundKey.Line, boundKey.Column, Msg($"the goal `{name}` takes `{(wanted == GoalBound.Min ? "min" : "max")}`, not `{boundKey.Value}`"));
                continue;
            }

            if (CompileGoalValue(name, isAttainment, bound, target) is { } goal)
            {
                goals.Add(goal);
            }
        }

        return goals.ToImmutable();
    }

    private Goal? CompileGoalValue(string name, bool isAttainment, GoalBound bound, YamlNode target)
    {
        var scalar = target as YamlScalar;
        var isPercentage = scalar is { IsPlain: true } && scalar.Value.TrimEnd().EndsWith('%');
        if (isAttainment)
        {
            return ReadPercentage(target, Msg($"the goal `{name}`")) is { } p ? new Goal(name, bound, null, p, null) : null;
        }

        switch (name)
        {
            case "mql_per_month":
            case "leakage" when !isPercentage:
                if (scalar is not null && scalar.TryGetDouble(out var number) && number >= 0)
                {
                    return new Goal(name, bound, number, null, null);
                }

                _diagnostics.Error(DiagnosticCodes.InvalidGoalValue, target.Line, target.Column, Msg($"the goal `{name}` needs a non-negative count{(name == "leakage" ? " or a percentage" : string.Empty)}, not {Describe(target)}"));
                return null;
            case "leakage":
                return ReadPercentage(target, Msg($"the goal `{name}`")) is { } p ? new Goal(name, bound, null, p, null) : null;
            default:
                if (scalar is not null && scalar.TryGetDouble(out _))
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidGoalValue, target.Line, target.Column, Msg($"the goal `{name}` needs a duration such as `2 business hours`, not {Describe(target)}"));
                    return null;
                }

                return ReadDuration(target, Msg($"the goal `{name}`"), DurationUse.Deadline) is { } d ? new Goal(name, bound, null, null, d) : null;
        }
    }
}
