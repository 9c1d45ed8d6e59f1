using System.Globalization;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Loading;
using SlaEngine.Diagnostics;

namespace SlaEngine.Authoring;

/// <summary>Shared readers for the YAML of tests files: key checks, shapes, strings and instants, each located.</summary>
internal static class PolicyTestYaml
{
    public static string Msg(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Describe(YamlNode node) => node is YamlScalar scalar
        ? scalar.IsNull ? "null" : "`" + Truncate(scalar.Value) + "`"
        : node.KindName;

    public static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";

    public static void CheckKeys(YamlMapping map, string where, IReadOnlyCollection<string> allowed, DiagnosticBag bag)
    {
        foreach (var entry in map.Entries)
        {
            if (!allowed.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                bag.Error(DiagnosticCodes.TestUnknownKey, entry.Key.Line, entry.Key.Column, Msg($"unknown key `{Truncate(entry.Key.Value)}` in {where}{DidYouMean.Hint(entry.Key.Value, allowed)}"));
            }
        }
    }

    public static YamlNode? Require(YamlMapping map, string key, string where, DiagnosticBag bag)
    {
        var node = map.Get(key);
        if (node is null)
        {
            bag.Error(DiagnosticCodes.TestMissingKey, map.Line, map.Column, Msg($"{where} needs `{key}`"));
        }

        return node;
    }

    public static YamlMapping? AsMapping(YamlNode node, string what, DiagnosticBag bag)
    {
        if (node is YamlMapping map)
        {
            return map;
        }

        bag.Error(DiagnosticCodes.TestWrongKind, node.Line, node.Column, Msg($"{what} must be a mapping, not {Describe(node)}"));
        return null;
    }

    public static YamlSequence? AsSequence(YamlNode node, string what, DiagnosticBag bag)
    {
        if (node is YamlSequence sequence)
        {
            return sequence;
        }

        bag.Error(DiagnosticCodes.TestWrongKind, node.Line, node.Column, Msg($"{what} must be a list, not {Describe(node)}"));
        return null;
    }

    public static string? ReadString(YamlNode node, string what, DiagnosticBag bag)
    {
        if (node is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
        {
            return scalar.Value;
        }

        bag.Error(DiagnosticCodes.TestWrongKind, node.Line, node.Column, Msg($"{what} must be a non-empty value, not {Describe(node)}"));
        return null;
    }

    public static Instant? ReadInstant(YamlNode node, string what, DiagnosticBag bag)
    {
        if (node is YamlScalar { IsNull: false } scalar && LeadJson.TryParseInstant(scalar.Value.Trim(), out var instant))
        {
            return instant;
        }

        bag.Error(DiagnosticCodes.TestInvalidInstant, node.Line, node.Column, Msg($"{what} is {Describe(node)}; expected an ISO-8601 instant with Z or an offset, like 2026-11-20T15:30:00Z"));
        return null;
    }
}
