using System.Globalization;
using SlaEngine.Diagnostics;

namespace SlaEngine.Loading;

/// <summary>
/// The one reader of values in the YAML node tree, for policies and tests files alike: key checks with "did you mean"
/// hints, required keys, mappings, lists and single values, each problem located at its node and reported with the
/// codes of the file's kind (<see cref="YamlValueCodes"/>).
/// </summary>
internal sealed class YamlValueReader
{
    public YamlValueReader(DiagnosticBag diagnostics, YamlValueCodes codes)
    {
        Diagnostics = diagnostics;
        Codes = codes;
    }

    /// <summary>Gets the bag problems are reported to.</summary>
    public DiagnosticBag Diagnostics { get; }

    /// <summary>Gets the codes problems are reported with.</summary>
    public YamlValueCodes Codes { get; }

    /// <summary>Formats a message with the invariant culture.</summary>
    public static string Msg(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Describes a node for a message: <c>`value`</c>, <c>null</c>, <c>a mapping</c> or <c>a list</c>.</summary>
    public static string Describe(YamlNode node) => node is YamlScalar scalar
        ? scalar.IsNull ? "null" : "`" + Truncate(scalar.Value) + "`"
        : node.KindName;

    /// <summary>Cuts a text quoted in a message to 60 characters.</summary>
    public static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>Reports every key of <paramref name="map"/> that is not in <paramref name="allowed"/>, with a "did you mean" hint.</summary>
    public void CheckKeys(YamlMapping map, string where, IReadOnlyCollection<string> allowed)
    {
        foreach (var entry in map.Entries)
        {
            if (!allowed.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                Diagnostics.Error(
                    Codes.UnknownKey,
                    entry.Key.Line,
                    entry.Key.Column,
                    Msg($"unknown key `{Truncate(entry.Key.Value)}` in {where}{DidYouMean.Hint(entry.Key.Value, allowed)}"));
            }
        }
    }

    /// <summary>Gets a required key's node, or reports that it is missing.</summary>
    public YamlNode? Require(YamlMapping map, string key, string where)
    {
        var node = map.Get(key);
        if (node is null)
        {
            Diagnostics.Error(Codes.MissingKey, map.Line, map.Column, Msg($"{where} is missing the required key `{key}`"));
        }

        return node;
    }

    /// <summary>Gets the node as a mapping, or reports that it is not one.</summary>
    public YamlMapping? AsMapping(YamlNode node, string what)
    {
        if (node is YamlMapping map)
        {
            return map;
        }

        Diagnostics.Error(Codes.WrongKind, node.Line, node.Column, Msg($"{what} must be a mapping, not {Describe(node)}"));
        return null;
    }

    /// <summary>Gets the node as a list, or reports that it is not one.</summary>
    public YamlSequence? AsSequence(YamlNode node, string what)
    {
        if (node is YamlSequence sequence)
        {
            return sequence;
        }

        Diagnostics.Error(Codes.WrongKind, node.Line, node.Column, Msg($"{what} must be a list, not {Describe(node)}"));
        return null;
    }

    /// <summary>Gets a single non-empty value, trimmed, or reports what is wrong with it.</summary>
    public string? ReadString(YamlNode node, string what)
    {
        if (node is not YamlScalar scalar)
        {
            Diagnostics.Error(Codes.WrongKind, node.Line, node.Column, Msg($"{what} must be a single value, not {node.KindName}"));
            return null;
        }

        if (scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Diagnostics.Error(Codes.EmptyValue, node.Line, node.Column, Msg($"{what} must not be empty"));
            return null;
        }

        return scalar.Value.Trim();
    }
}
