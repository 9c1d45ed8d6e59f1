using System.Text.Json;

namespace SlaEngine.Tests.Conformance;

/// <summary>The matching rules of conformance/check.py: <c>key^</c> is a prefix, numbers within 0.005, milestones by name, escalations rung by rung.</summary>
internal static class ConformanceMatcher
{
    internal static void Match(string key, JsonElement expected, JsonElement actual, string path, List<string> errors)
    {
        if (key.EndsWith('^'))
        {
            var name = key[..^1];
            var value = actual.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (value is null || !value.StartsWith(expected.GetString()!, StringComparison.Ordinal))
            {
                errors.Add($"{path}.{name}: expected to start with '{expected.GetString()}', got '{value}'");
            }

            return;
        }

        if (key == "milestones")
        {
            var byName = actual.GetProperty("milestones").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
            foreach (var milestone in expected.EnumerateObject())
            {
                if (!byName.TryGetValue(milestone.Name, out var got))
                {
                    errors.Add($"{path}.milestones.{milestone.Name}: missing");
                    continue;
                }

                foreach (var field in milestone.Value.EnumerateObject())
                {
                    Value(field.Value, got.TryGetProperty(field.Name, out var g) ? g : default, $"{path}.milestones.{milestone.Name}.{field.Name}", errors);
                }
            }

            return;
        }

        if (key == "escalations")
        {
            var got = actual.GetProperty("escalations").EnumerateArray().ToList();
            var want = expected.EnumerateArray().ToList();
            if (got.Count != want.Count)
            {
                errors.Add($"{path}.escalations: expected {want.Count} rungs, got {got.Count}");
                return;
            }

            for (var i = 0; i < want.Count; i++)
            {
                foreach (var field in want[i].EnumerateObject())
                {
                    Value(field.Value, got[i].TryGetProperty(field.Name, out var g) ? g : default, $"{path}.escalations[{i}].{field.Name}", errors);
                }
            }

            return;
        }

        Value(expected, actual.TryGetProperty(key, out var a) ? a : default, $"{path}.{key}", errors);
    }

    private static void Value(JsonElement expected, JsonElement actual, string path, List<string> errors)
    {
        var ok = expected.ValueKind switch
        {
            JsonValueKind.Number => actual.ValueKind == JsonValueKind.Number && Math.Abs(actual.GetDouble() - expected.GetDouble()) < 0.005,
            JsonValueKind.Object => actual.ValueKind == JsonValueKind.Object && expected.EnumerateObject().All(p =>
            {
                var before = errors.Count;
                Value(p.Value, actual.TryGetProperty(p.Name, out var g) ? g : default, path + "." + p.Name, errors);
                return errors.Count == before;
            }),
            JsonValueKind.Null => actual.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined,
            _ => JsonElement.DeepEquals(expected, actual),
        };
        if (!ok)
        {
            errors.Add($"{path}: expected {expected.GetRawText()}, got {(actual.ValueKind == JsonValueKind.Undefined ? "(missing)" : actual.GetRawText())}");
        }
    }
}
