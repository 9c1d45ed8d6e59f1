using SlaEngine.Loading;
using SlaEngine.Policies;

namespace SlaEngine.Validation;

/// <content>
/// Source positions of compiled elements, kept in a side table (<see cref="PolicySourceMap"/>) for tools that report
/// on the compiled model, such as the linter. Nothing here affects what compiles or how.
/// </content>
internal sealed partial class PolicyCompiler
{
    private static readonly string[] LocatedTierMembers = ["first_touch", "effort", "complete_within", "cadence", "escalations"];

    private T Located<T>(T element, YamlNode node)
        where T : class
    {
        _sourceMap.Record(element, node.Line, node.Column);
        return element;
    }

    private void LocateMembers(TierDefinition tier, YamlNode node)
    {
        if (node is not YamlMapping map)
        {
            return;
        }

        foreach (var member in LocatedTierMembers)
        {
            if (map.GetKey(member) is { } key)
            {
                _sourceMap.Record(tier, key.Line, key.Column, member);
            }
        }

        if (map.Get("first_touch") is YamlMapping firstTouch && firstTouch.Get("within") is { } within)
        {
            _sourceMap.Record(tier, within.Line, within.Column, "first_touch.within");
        }
    }
}
