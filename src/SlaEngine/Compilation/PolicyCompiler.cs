using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SlaEngine.Calendars;
using SlaEngine.Conditions;
using SlaEngine.Loading;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.Compilation;

/// <summary>
/// Compiles the YAML node tree of one policy file into an <see cref="SlaPolicy"/>, collecting every diagnostic
/// instead of stopping at the first. One instance per load; not thread-safe.
/// </summary>
internal sealed partial class PolicyCompiler
{
    private static readonly string[] TopLevelKeys =
    [
        "policy", "version", "description", "calendars", "fields", "exclusions", "scoring", "qualification", "bands",
        "routing", "tiers", "goals",
    ];

    private readonly DiagnosticBag _diagnostics;
    private readonly List<string> _calendarNames = [];
    private readonly List<BusinessCalendar> _calendars = [];
    private readonly List<string> _tierNames = [];
    private readonly PolicySourceMap _sourceMap = new();
    private FieldSchema? _fields;

    /// <summary>The attributes the policy's conditions read, by slot (frozen into the compiled policy).</summary>
    private readonly AttributeSlots _slots = new();
    private IReadOnlyDictionary<string, FieldType>? _fieldTypes;

    private PolicyCompiler(DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>Reads and compiles a policy.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The file name used in diagnostics.</param>
    /// <returns>The result: the policy when there were no errors, and all diagnostics sorted.</returns>
    public static (SlaPolicy? Policy, ImmutableArray<Diagnostic> Diagnostics) Compile(string yaml, string sourceName)
    {
        var diagnostics = new DiagnosticBag(sourceName);
        var root = YamlTreeReader.Read(yaml, diagnostics);
        SlaPolicy? policy = null;
        if (root is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(DiagnosticCodes.EmptyDocument, 1, 1, "the policy is empty: it needs at least `policy` and `version`");
            }
        }
        else
        {
            policy = new PolicyCompiler(diagnostics).CompileRoot(root);
        }

        var sorted = diagnostics.ToSortedArray();
        return (diagnostics.HasErrors ? null : policy, sorted);
    }

    /// <summary>Turns a failure to read a file into a load result.</summary>
    /// <param name="sourceName">The file name.</param>
    /// <param name="code">The code.</param>
    /// <param name="message">The reason.</param>
    /// <returns>A failed result with one diagnostic.</returns>
    public static (SlaPolicy? Policy, ImmutableArray<Diagnostic> Diagnostics) FileError(string sourceName, string code, string message)
    {
        var diagnostics = new DiagnosticBag(sourceName);
        diagnostics.Error(code, code == DiagnosticCodes.FileReadError ? 0 : 1, code == DiagnosticCodes.FileReadError ? 0 : 1, message);
        return (null, diagnostics.ToSortedArray());
    }

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyIdPattern();

    private SlaPolicy? CompileRoot(YamlNode root)
    {
        if (root is YamlScalar { IsNull: true })
        {
            _diagnostics.Error(DiagnosticCodes.EmptyDocument, root.Line, root.Column, "the policy is empty: it needs at least `policy` and `version`");
            return null;
        }

        if (root is not YamlMapping map)
        {
            _diagnostics.Error(DiagnosticCodes.WrongNodeKind, root.Line, root.Column, Msg($"a policy must be a mapping of keys such as `policy` and `version`, not {root.KindName}"));
            return null;
        }

        CheckKeys(map, "the policy", TopLevelKeys);

        var id = string.Empty;
        if (Require(map, "policy", "the policy") is { } idNode && ReadString(idNode, "`policy`") is { } idText)
        {
            if (PolicyIdPattern().IsMatch(idText))
            {
                id = idText;
            }
            else
            {
                _diagnostics.Error(DiagnosticCodes.InvalidPolicyId, idNode.Line, idNode.Column, Msg($"the policy id `{idText}` must match [a-z0-9-]+ (lowercase letters, digits and hyphens)"));
            }
        }

        var version = 0;
        if (Require(map, "version", "the policy") is { } versionNode)
        {
            if (versionNode is YamlScalar versionScalar && versionScalar.TryGetInt32(out var v) && v > 0)
            {
                version = v;
            }
            else
            {
                _diagnostics.Error(DiagnosticCodes.InvalidVersion, versionNode.Line, versionNode.Column, Msg($"`version` must be a positive integer, not {Describe(versionNode)}"));
            }
        }

        string? description = null;
        if (map.Get("description") is { } descriptionNode && !(descriptionNode is YamlScalar { IsNull: true }))
        {
            description = ReadString(descriptionNode, "`description`");
        }

        if (map.Get("fields") is { } fieldsNode)
        {
            CompileFields(fieldsNode);
        }

        if (map.Get("calendars") is { } calendarsNode)
        {
            CompileCalendars(calendarsNode);
        }

        if (map.Get("tiers") is YamlMapping tiersMap)
        {
            foreach (var entry in tiersMap.Entries)
            {
                _tierNames.Add(entry.Key.Value);
            }
        }

        var exclusions = map.Get("exclusions") is { } exclusionsNode ? CompileExclusions(exclusionsNode) : [];
        var scoring = map.Get("scoring") is { } scoringNode ? CompileScoring(scoringNode) : [];
        var triggers = ImmutableArray<TriggerRule>.Empty;
        double? threshold = null;
        if (map.Get("qualification") is { } qualificationNode)
        {
            (triggers, threshold) = CompileQualification(qualificationNode);
        }

        var bands = map.Get("bands") is { } bandsNode ? CompileBands(bandsNode) : null;
        var routingKey = map.GetKey("routing");
        var routing = routingKey is not null ? CompileRouting(routingKey, map.Get("routing")!) : [];
        var tiers = map.Get("tiers") is { } tiersNode ? CompileTiers(tiersNode) : [];
        var goals = map.Get("goals") is { } goalsNode ? CompileGoals(goalsNode) : [];

        var definesNothing = _calendars.Count == 0 && _calendarNames.Count == 0 && exclusions.IsEmpty && scoring.IsEmpty
            && triggers.IsEmpty && threshold is null && bands is null && routing.IsEmpty && tiers.IsEmpty && goals.IsEmpty
            && map.Get("calendars") is null && map.Get("qualification") is null && map.Get("tiers") is null;
        // Judged on what is written, so a trigger with an error does not also produce the warning.
        var qualification = map.Get("qualification") as YamlMapping;
        var qualifies = qualification?.Get("score_threshold") is not null
            || qualification?.Get("triggers") is YamlSequence { Items.IsEmpty: false };
        if (definesNothing)
        {
            _diagnostics.Error(DiagnosticCodes.EmptyPolicy, map.Line, map.Column, "the policy is empty: it defines no calendars, rules, routing or tiers");
        }
        else if (!qualifies)
        {
            _diagnostics.Warning(DiagnosticCodes.QualifiesNoLead, map.Line, map.Column, "the policy has no qualification triggers and no score threshold, so it qualifies no lead");
        }
        else if (routingKey is null)
        {
            var at = map.GetKey("qualification") ?? (YamlNode)map;
            _diagnostics.Error(DiagnosticCodes.RoutingRequired, at.Line, at.Column, "the policy qualifies leads but has no `routing`; add a routing list with a `default: true` rule");
        }

        if (_diagnostics.HasErrors)
        {
            return null;
        }

        var warnings = _diagnostics.ToSortedArray().Where(d => !d.IsError).ToImmutableArray();
        return new SlaPolicy(
            id,
            version,
            description,
            _calendars.ToImmutableArray(),
            _calendarNames.ToImmutableArray(),
            _fields,
            exclusions,
            scoring,
            triggers,
            threshold,
            bands,
            routing,
            tiers,
            goals,
            warnings,
            _diagnostics.File,
            _slots.Freeze())
        {
            SourceMap = _sourceMap.Freeze(),
        };
    }
}
