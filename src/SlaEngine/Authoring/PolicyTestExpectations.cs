using System.Text.Json;
using SlaEngine.Evaluation;
using SlaEngine.Loading;
using SlaEngine.Diagnostics;
using static SlaEngine.Loading.YamlValueReader;

namespace SlaEngine.Authoring;

/// <summary>
/// A test's <c>expect</c>: checked against the shape of the <c>evaluate</c> output when the file is read, then matched
/// against the evaluation's JSON (<see cref="EvaluationJson"/>), key by key, recursively.
/// </summary>
/// <remarks>
/// Rules: only the keys written are checked; numbers match within 0.005; strings that are both ISO-8601 instants
/// compare as instants (so <c>2026-11-20T13:30:00-05:00</c> matches <c>2026-11-20T18:30:00Z</c>); other strings match
/// exactly (ordinal), or as a prefix when the key ends with <c>^</c> (<c>reason^: trigger</c>); <c>milestones</c> is a
/// mapping by milestone name (the value <c>absent</c> expects the milestone not to be listed); <c>escalations</c> and
/// <c>notify</c> are lists compared item by item and must have as many items as the output; <c>next_change_at</c> is
/// the evaluation's, and <c>transitions</c> lists the lead's timeline from the test's instant (the default horizon),
/// item by item (<c>at</c>, <c>subject</c>, <c>field</c>, <c>from</c>, <c>to</c>, <c>key</c>, any subset of them),
/// with as many items as the timeline has.
/// </remarks>
internal static class PolicyTestExpectations
{
    /// <summary>The expected value that says a milestone is not listed.</summary>
    public const string Absent = "absent";

    private const double Tolerance = 0.005;

    /// <summary>The side of a list comparison that has no item at a position.</summary>
    private const string NoItem = "(no item)";

    private static readonly string[] StringFields = ["id", "policy", "status", "reason", "tier", "band", "team", "calendar"];
    private static readonly string[] TopKeys = ["id", "policy", "version", "status", "reason", "score", "tier", "band", "team", "calendar", "sla_start", "milestones", "next_touch", "escalations", "next_change_at", "transitions"];
    private static readonly string[] MilestoneKeys = ["name", "due", "status", "met_at", "late_by_seconds"];
    private static readonly string[] NextTouchKeys = ["milestone", "channel", "due"];
    private static readonly string[] EscalationKeys = ["after", "at", "notify", "fired"];
    private static readonly string[] TransitionKeys = ["at", "subject", "field", "from", "to", "key"];
    private static readonly string[] StringMilestoneKeys = ["name", "status"];
    private static readonly string[] StringNextTouchKeys = ["milestone", "channel"];
    private static readonly string[] StringEscalationKeys = ["after"];

    /// <summary>Checks that <paramref name="expect"/> names only fields of the <c>evaluate</c> output, in their shapes.</summary>
    public static void Check(YamlMapping expect, DiagnosticBag bag)
    {
        Yaml(bag).CheckKeys(expect, "`expect`", WithPrefixKeys(TopKeys, StringFields));
        foreach (var (key, value) in expect.Entries)
        {
            switch (key.Value)
            {
                case "milestones":
                    if (Yaml(bag).AsMapping(value, "`expect.milestones` (a mapping by milestone name)") is { } milestones)
                    {
                        foreach (var (name, milestone) in milestones.Entries)
                        {
                            if (milestone is YamlScalar { Value: Absent, IsPlain: true })
                            {
                                continue;
                            }

                            if (milestone is YamlMapping m)
                            {
                                Yaml(bag).CheckKeys(m, Msg($"the milestone `{name.Value}`"), WithPrefixKeys(MilestoneKeys, StringMilestoneKeys));
                                CheckScalars(m, bag);
                            }
                            else
                            {
                                bag.Error(DiagnosticCodes.TestWrongKind, milestone.Line, milestone.Column, Msg($"the milestone `{name.Value}` must be a mapping such as {{ due: ..., status: ... }} or `absent`, not {Describe(milestone)}"));
                            }
                        }
                    }

                    break;
                case "next_touch":
                    if (value is YamlMapping next)
                    {
                        Yaml(bag).CheckKeys(next, "`next_touch`", WithPrefixKeys(NextTouchKeys, StringNextTouchKeys));
                        CheckScalars(next, bag);
                    }
                    else if (value is not YamlScalar { IsNull: true })
                    {
                        bag.Error(DiagnosticCodes.TestWrongKind, value.Line, value.Column, Msg($"`next_touch` must be a mapping or null, not {Describe(value)}"));
                    }

                    break;
                case "escalations":
                    if (Yaml(bag).AsSequence(value, "`expect.escalations` (a list, rung by rung)") is { } rungs)
                    {
                        foreach (var rung in rungs.Items)
                        {
                            if (Yaml(bag).AsMapping(rung, "an escalation rung") is { } r)
                            {
                                Yaml(bag).CheckKeys(r, "an escalation rung", WithPrefixKeys(EscalationKeys, StringEscalationKeys));
                                foreach (var (rungKey, rungValue) in r.Entries)
                                {
                                    if (rungKey.Value == "notify")
                                    {
                                        Yaml(bag).AsSequence(rungValue, "`notify`");
                                    }
                                    else if (rungValue is not YamlScalar)
                                    {
                                        bag.Error(DiagnosticCodes.TestInvalidExpectation, rungValue.Line, rungValue.Column, Msg($"`{rungKey.Value}` is a single value in the output, not {rungValue.KindName}"));
                                    }
                                }
                            }
                        }
                    }

                    break;
                case "transitions":
                    if (Yaml(bag).AsSequence(value, "`expect.transitions` (a list of { at, subject, field, from, to, key })") is { } transitions)
                    {
                        foreach (var item in transitions.Items)
                        {
                            if (Yaml(bag).AsMapping(item, "a transition") is { } t)
                            {
                                Yaml(bag).CheckKeys(t, "a transition", TransitionKeys);
                            }
                        }
                    }

                    break;
                default:
                    if (value is not YamlScalar)
                    {
                        bag.Error(DiagnosticCodes.TestInvalidExpectation, value.Line, value.Column, Msg($"`{key.Value.TrimEnd('^')}` is a single value in the output, not {value.KindName}"));
                    }

                    break;
            }
        }
    }

    /// <summary>Matches the expectations against an evaluation (and, when transitions are expected, the lead's timeline).</summary>
    /// <returns>The mismatches, in the order the expectations are written.</returns>
    public static List<PolicyTestMismatch> Match(YamlMapping expect, LeadEvaluation evaluation, Func<LeadTimeline>? timeline = null)
    {
        var mismatches = new List<PolicyTestMismatch>();
        using var document = JsonDocument.Parse(WithTransitions(EvaluationJson.Serialize(evaluation), expect, timeline));
        MatchObject(expect, document.RootElement, string.Empty, mismatches);
        return mismatches;
    }

    /// <summary>Adds the timeline's <c>transitions</c> to the evaluation's JSON when the expectations name them.</summary>
    private static string WithTransitions(string json, YamlMapping expect, Func<LeadTimeline>? timeline)
    {
        if (timeline is null || expect.Get("transitions") is null)
        {
            return json;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var transition in timeline().Transitions)
            {
                TimelineJson.Write(writer, transition);
            }

            writer.WriteEndArray();
        }

        return string.Concat(json.AsSpan(0, json.Length - 1), ",\"transitions\":", System.Text.Encoding.UTF8.GetString(stream.ToArray()), "}");
    }

    private static string[] WithPrefixKeys(string[] keys, string[] stringKeys) => [.. keys, .. stringKeys.Select(k => k + "^")];

    private static void CheckScalars(YamlMapping map, DiagnosticBag bag)
    {
        foreach (var (key, value) in map.Entries)
        {
            if (value is not YamlScalar)
            {
                bag.Error(DiagnosticCodes.TestInvalidExpectation, value.Line, value.Column, Msg($"`{key.Value.TrimEnd('^')}` is a single value in the output, not {value.KindName}"));
            }
        }
    }

    private static void MatchObject(YamlMapping expected, JsonElement actual, string path, List<PolicyTestMismatch> mismatches)
    {
        foreach (var (key, value) in expected.Entries)
        {
            var prefix = key.Value.EndsWith('^');
            var field = prefix ? key.Value[..^1] : key.Value;
            var fieldPath = path + field;
            var found = actual.TryGetProperty(field, out var actualValue);
            if (path.Length == 0 && field == "milestones" && value is YamlMapping milestones && found && actualValue.ValueKind == JsonValueKind.Array)
            {
                MatchMilestones(milestones, actualValue, mismatches);
            }
            else if (!found)
            {
                mismatches.Add(Mismatch(fieldPath, value, Absent));
            }
            else
            {
                MatchValue(value, actualValue, fieldPath, prefix, mismatches);
            }
        }
    }

    private static void MatchMilestones(YamlMapping expected, JsonElement actual, List<PolicyTestMismatch> mismatches)
    {
        foreach (var (name, value) in expected.Entries)
        {
            JsonElement? milestone = null;
            foreach (var item in actual.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() == name.Value)
                {
                    milestone = item;
                    break;
                }
            }

            var path = "milestones." + name.Value;
            if (value is YamlScalar { Value: Absent, IsPlain: true })
            {
                if (milestone is not null)
                {
                    mismatches.Add(Mismatch(path, value, "listed"));
                }
            }
            else if (milestone is not { } m)
            {
                mismatches.Add(Mismatch(path, value, Absent));
            }
            else if (value is YamlMapping map)
            {
                MatchObject(map, m, path + ".", mismatches);
            }
        }
    }

    private static void MatchValue(YamlNode expected, JsonElement actual, string path, bool prefix, List<PolicyTestMismatch> mismatches)
    {
        var ok = expected switch
        {
            YamlScalar scalar => ScalarMatches(scalar, actual, prefix),
            YamlSequence sequence when actual.ValueKind == JsonValueKind.Array && actual.GetArrayLength() == sequence.Items.Length => MatchItems(sequence, actual, path, mismatches),
            YamlSequence sequence when actual.ValueKind == JsonValueKind.Array => MatchLength(sequence, actual, path, mismatches),
            YamlMapping map when actual.ValueKind == JsonValueKind.Object => MatchNested(map, actual, path, mismatches),
            _ => false,
        };
        if (!ok)
        {
            mismatches.Add(Mismatch(path, expected, Render(actual)));
        }
    }

    private static bool MatchItems(YamlSequence expected, JsonElement actual, string path, List<PolicyTestMismatch> mismatches)
    {
        var i = 0;
        foreach (var item in actual.EnumerateArray())
        {
            MatchValue(expected.Items[i], item, Msg($"{path}[{i}]"), false, mismatches);
            i++;
        }

        return true;
    }

    /// <summary>
    /// Lists of different lengths: one mismatch names the lengths (<c>escalations</c>: <c>1 item</c> vs <c>2 items</c>),
    /// then each position differs item by item, <c>(no item)</c> standing for the missing side.
    /// </summary>
    private static bool MatchLength(YamlSequence expected, JsonElement actual, string path, List<PolicyTestMismatch> mismatches)
    {
        var actualItems = actual.EnumerateArray().ToList();
        mismatches.Add(new PolicyTestMismatch(path, Items(expected.Items.Length), Items(actualItems.Count), expected.Line, expected.Column));
        for (var i = 0; i < Math.Max(expected.Items.Length, actualItems.Count); i++)
        {
            var itemPath = Msg($"{path}[{i}]");
            if (i >= actualItems.Count)
            {
                mismatches.Add(Mismatch(itemPath, expected.Items[i], NoItem));
            }
            else if (i >= expected.Items.Length)
            {
                mismatches.Add(new PolicyTestMismatch(itemPath, NoItem, Render(actualItems[i]), expected.Line, expected.Column));
            }
            else
            {
                MatchValue(expected.Items[i], actualItems[i], itemPath, false, mismatches);
            }
        }

        return true;
    }

    private static string Items(int count) => Msg($"{count} {(count == 1 ? "item" : "items")}");

    private static bool MatchNested(YamlMapping expected, JsonElement actual, string path, List<PolicyTestMismatch> mismatches)
    {
        MatchObject(expected, actual, path + ".", mismatches);
        return true;
    }

    private static bool ScalarMatches(YamlScalar expected, JsonElement actual, bool prefix)
    {
        if (expected.IsNull)
        {
            return actual.ValueKind == JsonValueKind.Null;
        }

        switch (actual.ValueKind)
        {
            case JsonValueKind.Number:
                return expected.TryGetDouble(out var number) && Math.Abs(number - actual.GetDouble()) <= Tolerance + 1e-9;
            case JsonValueKind.True or JsonValueKind.False:
                return expected.TryGetBoolean(out var flag) && flag == (actual.ValueKind == JsonValueKind.True);
            case JsonValueKind.String:
                var text = actual.GetString()!;
                if (prefix)
                {
                    return text.StartsWith(expected.Value, StringComparison.Ordinal);
                }

                if (InstantText.TryParse(expected.Value.Trim(), out var expectedInstant) && InstantText.TryParse(text, out var actualInstant))
                {
                    return expectedInstant == actualInstant;
                }

                return string.Equals(expected.Value, text, StringComparison.Ordinal);
            default:
                return false;
        }
    }

    private static PolicyTestMismatch Mismatch(string path, YamlNode expected, string actual) =>
        new(path, Render(expected), actual, expected.Line, expected.Column);

    /// <summary>Renders an expected value in YAML flow style.</summary>
    private static string Render(YamlNode node) => node switch
    {
        YamlScalar { IsNull: true } => "null",
        YamlScalar scalar => scalar.Value,
        YamlSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Render)) + "]",
        YamlMapping map => "{" + string.Join(", ", map.Entries.Select(e => e.Key.Value + ": " + Render(e.Value))) + "}",
        _ => string.Empty,
    };

    /// <summary>Renders an actual value the way the JSON output prints it, strings without quotes.</summary>
    private static string Render(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Null => "null",
        _ => Compact(element),
    };

    private static string Compact(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 200 ? raw : raw[..197] + "...";
    }

    /// <summary>The one YAML value reader, reporting with the codes of a tests file.</summary>
    private static YamlValueReader Yaml(DiagnosticBag bag) => new(bag, YamlValueCodes.Tests);
}
