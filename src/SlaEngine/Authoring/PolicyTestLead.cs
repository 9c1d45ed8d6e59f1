using System.Buffers;
using System.Globalization;
using System.Text.Json;
using SlaEngine.Evaluation;
using SlaEngine.Loading;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;
using static SlaEngine.Loading.YamlValueReader;

namespace SlaEngine.Authoring;

/// <summary>
/// A test's <c>lead</c>: the lead snapshot written in YAML. It is turned into the lead's JSON and read by the one lead
/// reader (<see cref="LeadSnapshot.Parse(ReadOnlySpan{byte})"/>), so a tests file and a JSONL file accept exactly the
/// same leads; the reader's error is reported at the YAML node its JSON path names. Unlike JSONL leads, unknown keys
/// are errors here (a misspelt key would silently test something else).
/// </summary>
/// <remarks>
/// Attribute values follow YAML: plain <c>91</c> is a number, plain <c>true</c>/<c>false</c> a boolean, plain
/// <c>null</c>/<c>~</c> null, a list a list; anything else, and every quoted value, is a string. Every other field is
/// written as a string (or null), as in JSON.
/// </remarks>
internal static class PolicyTestLead
{
    private static readonly string[] LeadKeys = ["id", "mql_at", "attributes", "events", "touches", "paused", "disposition", "assigned"];
    private static readonly string[] EventKeys = ["type", "at"];
    private static readonly string[] TouchKeys = ["channel", "at", "outcome"];
    private static readonly string[] PauseKeys = ["from", "to"];
    private static readonly string[] DispositionKeys = ["outcome", "at"];
    private static readonly string[] AssignedKeys = ["tier", "team"];

    /// <summary>Reads a lead; returns null when it has errors (reported to <paramref name="bag"/>).</summary>
    /// <param name="node">The <c>lead</c> node.</param>
    /// <param name="defaultId">The id when the lead gives none (the test's name).</param>
    /// <param name="policy">The policy, to check pinned tiers and teams; null when it did not load.</param>
    /// <param name="bag">Receives the errors.</param>
    public static LeadSnapshot? Read(YamlNode node, string defaultId, SlaPolicy? policy, DiagnosticBag bag)
    {
        if (Yaml(bag).AsMapping(node, "`lead`") is not { } map)
        {
            return null;
        }

        var errors = bag.Items.Count(d => d.IsError);
        Yaml(bag).CheckKeys(map, "a lead", LeadKeys);
        CheckItemKeys(map, "events", EventKeys, bag);
        CheckItemKeys(map, "touches", TouchKeys, bag);
        CheckItemKeys(map, "paused", PauseKeys, bag);
        if (map.Get("disposition") is YamlMapping disposition)
        {
            Yaml(bag).CheckKeys(disposition, "`disposition`", DispositionKeys);
        }

        if (map.Get("assigned") is YamlMapping assigned)
        {
            Yaml(bag).CheckKeys(assigned, "`assigned`", AssignedKeys);
        }

        // Unknown keys are reported above; the reader ignores them, so its own first problem is reported too.
        var nodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal) { [string.Empty] = map };
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (map.Get("id") is null)
            {
                writer.WriteString("id", defaultId);
            }

            foreach (var (key, value) in map.Entries)
            {
                writer.WritePropertyName(key.Value);
                if (!Write(writer, value, key.Value, typed: false, nodes, bag))
                {
                    return null;
                }
            }

            writer.WriteEndObject();
        }

        var read = LeadSnapshot.Parse(buffer.WrittenSpan);
        if (!read.TryGetValue(out var lead))
        {
            Report(read.Error!, nodes, bag);
            return null;
        }

        if (policy?.CheckAssignment(lead) is { } problem)
        {
            Report(problem, nodes, bag);
            return null;
        }

        return bag.Items.Count(d => d.IsError) > errors ? null : lead;
    }

    /// <summary>Reports a reader's error at the YAML node of its path (or of the nearest enclosing path written).</summary>
    private static void Report(LeadError error, Dictionary<string, YamlNode> nodes, DiagnosticBag bag)
    {
        var path = error.Path ?? string.Empty;
        YamlNode? node;
        while (!nodes.TryGetValue(path, out node))
        {
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut > 0 ? path[..cut] : string.Empty;
        }

        var code = error.Code switch
        {
            DiagnosticCodes.LeadWrongType => DiagnosticCodes.TestWrongKind,
            DiagnosticCodes.LeadInvalidInstant => DiagnosticCodes.TestInvalidInstant,
            DiagnosticCodes.LeadMissingField => DiagnosticCodes.TestMissingKey,
            _ => DiagnosticCodes.TestInvalidLead,
        };
        bag.Error(code, node.Line, node.Column, error.Message);
    }

    private static void CheckItemKeys(YamlMapping lead, string key, string[] allowed, DiagnosticBag bag)
    {
        if (lead.Get(key) is YamlSequence items)
        {
            foreach (var item in items.Items.OfType<YamlMapping>())
            {
                Yaml(bag).CheckKeys(item, $"an entry of `{key}`", allowed);
            }
        }
    }

    /// <summary>Writes a node as JSON, recording each node's path; attribute values are typed as YAML reads them.</summary>
    private static bool Write(Utf8JsonWriter writer, YamlNode node, string path, bool typed, Dictionary<string, YamlNode> nodes, DiagnosticBag bag)
    {
        nodes[path] = node;
        switch (node)
        {
            case YamlScalar { IsNull: true }:
                writer.WriteNullValue();
                return true;
            case YamlScalar scalar when typed && scalar.TryGetBoolean(out var flag):
                writer.WriteBooleanValue(flag);
                return true;
            case YamlScalar scalar when typed && scalar.TryGetDouble(out var number):
                writer.WriteNumberValue(number);
                return true;
            case YamlScalar scalar:
                if (!IsText(scalar.Value))
                {
                    bag.Error(DiagnosticCodes.TestInvalidLead, node.Line, node.Column, Msg($"'{path}' is not text: it holds a lone UTF-16 surrogate"));
                    return false;
                }

                writer.WriteStringValue(scalar.Value);
                return true;
            case YamlSequence sequence:
                writer.WriteStartArray();
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    if (!Write(writer, sequence.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", typed, nodes, bag))
                    {
                        return false;
                    }
                }

                writer.WriteEndArray();
                return true;
            default:
                var map = (YamlMapping)node;
                writer.WriteStartObject();
                foreach (var (key, value) in map.Entries)
                {
                    if (!IsText(key.Value))
                    {
                        bag.Error(DiagnosticCodes.TestInvalidLead, key.Line, key.Column, Msg($"a key of '{path}' is not text: it holds a lone UTF-16 surrogate"));
                        return false;
                    }

                    writer.WritePropertyName(key.Value);
                    if (!Write(writer, value, path + "." + key.Value, typed || path == "attributes", nodes, bag))
                    {
                        return false;
                    }
                }

                writer.WriteEndObject();
                return true;
        }
    }

    private static bool IsText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The one YAML value reader, reporting with the codes of a tests file.</summary>
    private static YamlValueReader Yaml(DiagnosticBag bag) => new(bag, YamlValueCodes.Tests);
}
