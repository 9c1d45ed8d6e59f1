using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SlaEngine.Tests.Docs;

/// <summary>
/// Checks a YAML document against a JSON Schema (draft-07) without a schema library: the subset of keywords that
/// docs/schema/slaengine-policy.schema.json uses. A keyword it does not know is a failure, so the schema cannot grow a
/// keyword that this checker silently ignores. Plain YAML scalars are typed like YAML 1.2's core schema (the way the
/// VS Code YAML extension reads them): null, booleans, integers, floats, else strings.
/// </summary>
internal sealed class YamlSchemaChecker(JsonElement root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "default"];

    public static YamlSchemaChecker Load(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone());

    public JsonElement Root { get; } = root;

    public List<string> Check(YamlNode node)
    {
        var errors = new List<string>();
        Check(node, Root, "$", errors);
        return errors;
    }

    private void Check(YamlNode node, JsonElement schema, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref":
                    Check(node, Resolve(value.GetString()!), path, errors);
                    break;
                case "type":
                    var allowed = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!).ToList() : [value.GetString()!];
                    var actual = TypeOf(node);
                    if (!allowed.Contains(actual) && !(actual == "integer" && allowed.Contains("number")))
                    {
                        errors.Add($"{At(path, node)}: is {actual}, expected {string.Join(" or ", allowed)}");
                    }

                    break;
                case "enum":
                    if (!value.EnumerateArray().Any(v => ScalarEquals(node, v)))
                    {
                        errors.Add($"{At(path, node)}: `{Text(node)}` is not one of {value.GetRawText()}");
                    }

                    break;
                case "pattern":
                    if (node is YamlScalarNode { Value: { } text } && TypeOf(node) == "string" && !Regex.IsMatch(text, value.GetString()!, RegexOptions.CultureInvariant))
                    {
                        errors.Add($"{At(path, node)}: `{text}` does not match {value.GetString()}");
                    }

                    break;
                case "minLength":
                    if (node is YamlScalarNode { Value: { } s } && TypeOf(node) == "string" && s.Length < value.GetInt32())
                    {
                        errors.Add($"{At(path, node)}: shorter than {value.GetInt32()}");
                    }

                    break;
                case "minimum":
                    if (Number(node) is { } low && low < value.GetDouble())
                    {
                        errors.Add($"{At(path, node)}: {low} is below {value.GetDouble()}");
                    }

                    break;
                case "maximum":
                    if (Number(node) is { } high && high > value.GetDouble())
                    {
                        errors.Add($"{At(path, node)}: {high} is above {value.GetDouble()}");
                    }

                    break;
                case "required":
                    if (node is YamlMappingNode required)
                    {
                        foreach (var name in value.EnumerateArray().Select(v => v.GetString()!))
                        {
                            if (!required.Children.Keys.Any(k => Text(k) == name))
                            {
                                errors.Add($"{At(path, node)}: `{name}` is required");
                            }
                        }
                    }

                    break;
                case "minProperties" or "maxProperties":
                    if (node is YamlMappingNode counted)
                    {
                        var count = counted.Children.Count;
                        if (keyword.Name == "minProperties" ? count < value.GetInt32() : count > value.GetInt32())
                        {
                            errors.Add($"{At(path, node)}: {count} keys break {keyword.Name} {value.GetInt32()}");
                        }
                    }

                    break;
                case "properties" or "patternProperties" or "additionalProperties":
                    // Checked together below, once.
                    break;
                case "propertyNames":
                    if (node is YamlMappingNode named)
                    {
                        foreach (var key in named.Children.Keys)
                        {
                            Check(key, value, $"{path}.{Text(key)} (key)", errors);
                        }
                    }

                    break;
                case "items":
                    if (node is YamlSequenceNode sequence)
                    {
                        var i = 0;
                        foreach (var item in sequence.Children)
                        {
                            Check(item, value, $"{path}[{i++}]", errors);
                        }
                    }

                    break;
                case "minItems":
                    if (node is YamlSequenceNode { Children.Count: var n } && n < value.GetInt32())
                    {
                        errors.Add($"{At(path, node)}: {n} items, at least {value.GetInt32()} expected");
                    }

                    break;
                case "anyOf" or "oneOf":
                    var passing = value.EnumerateArray().Count(sub =>
                    {
                        var subErrors = new List<string>();
                        Check(node, sub, path, subErrors);
                        return subErrors.Count == 0;
                    });
                    if (passing == 0 || (keyword.Name == "oneOf" && passing > 1))
                    {
                        errors.Add($"{At(path, node)}: {passing} of the {keyword.Name} alternatives match");
                    }

                    break;
                default:
                    if (!Annotations.Contains(keyword.Name) && keyword.Name != "definitions")
                    {
                        throw new NotSupportedException($"the checker does not implement the keyword `{keyword.Name}` (at {path}); add it");
                    }

                    break;
            }
        }

        if (node is YamlMappingNode map)
        {
            CheckProperties(map, schema, path, errors);
        }
    }

    private void CheckProperties(YamlMappingNode map, JsonElement schema, string path, List<string> errors)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasPatterns = schema.TryGetProperty("patternProperties", out var patterns);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        if (!hasProperties && !hasPatterns && !hasAdditional)
        {
            return;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = Text(keyNode);
            var childPath = $"{path}.{key}";
            var matched = false;
            if (hasProperties && properties.TryGetProperty(key, out var propertySchema))
            {
                matched = true;
                Check(valueNode, propertySchema, childPath, errors);
            }

            if (hasPatterns)
            {
                foreach (var pattern in patterns.EnumerateObject().Where(p => Regex.IsMatch(key, p.Name, RegexOptions.CultureInvariant)))
                {
                    matched = true;
                    Check(valueNode, pattern.Value, childPath, errors);
                }
            }

            if (!matched && hasAdditional)
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{At(childPath, keyNode)}: `{key}` is not an allowed key");
                }
                else if (additional.ValueKind == JsonValueKind.Object)
                {
                    Check(valueNode, additional, childPath, errors);
                }
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local references are supported, not {reference}");
        }

        var current = Root;
        foreach (var part in reference[2..].Split('/'))
        {
            current = current.GetProperty(part);
        }

        return current;
    }

    private static string TypeOf(YamlNode node) => node switch
    {
        YamlMappingNode => "object",
        YamlSequenceNode => "array",
        YamlScalarNode scalar when scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain => "string",
        YamlScalarNode { Value: null or "" or "~" or "null" or "Null" or "NULL" } => "null",
        YamlScalarNode { Value: "true" or "True" or "TRUE" or "false" or "False" or "FALSE" } => "boolean",
        YamlScalarNode { Value: { } v } when Regex.IsMatch(v, "^[-+]?[0-9]+$") => "integer",
        YamlScalarNode { Value: { } v } when Regex.IsMatch(v, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$") => "number",
        _ => "string",
    };

    private static double? Number(YamlNode node) =>
        TypeOf(node) is "integer" or "number" ? double.Parse(((YamlScalarNode)node).Value!, CultureInfo.InvariantCulture) : null;

    private static bool ScalarEquals(YamlNode node, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => TypeOf(node) == "string" && Text(node) == value.GetString(),
        JsonValueKind.True => TypeOf(node) == "boolean" && Text(node).Equals("true", StringComparison.OrdinalIgnoreCase),
        JsonValueKind.False => TypeOf(node) == "boolean" && Text(node).Equals("false", StringComparison.OrdinalIgnoreCase),
        JsonValueKind.Number => Number(node) == value.GetDouble(),
        _ => false,
    };

    private static string Text(YamlNode node) => node is YamlScalarNode { Value: { } v } ? v : node.ToString();

    private static string At(string path, YamlNode node) => $"{path} (line {node.Start.Line}, column {node.Start.Column})";
}
