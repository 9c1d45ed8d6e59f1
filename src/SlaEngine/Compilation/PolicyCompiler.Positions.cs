using SlaEngine.Loading;
using SlaEngine.Policies;

namespace SlaEngine.Compilation;

/// <content>
/// Source positions of compiled elements, kept in a side table (<see cref="PolicySourceMap"/>) for tools that report
/// on the compiled model, such as the linter. Nothing here affects what compiles or how.
/// </content>
internal sealed partial class PolicyCompiler
{
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

        if (map.GetKey("cadence") is { } cadence)
        {
            _sourceMap.Record(tier, cadence.Line, cadence.Column, "cadence");
        }
    }
}
