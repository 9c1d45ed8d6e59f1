using System.Collections.Immutable;
using System.Globalization;
using SlaEngine.Calendars;
using SlaEngine.Conditions;
using SlaEngine.Loading;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.Compilation;

/// <content>Readers for numbers, durations, percentages and conditions; keys, shapes and strings go through the one <see cref="YamlValueReader"/>.</content>
internal sealed partial class PolicyCompiler
{
    private static readonly string[] DurationUnits = ["minutes", "hours", "days", "weeks"];

    /// <summary>Where a duration is used: decides whether business units are allowed.</summary>
    private enum DurationUse
    {
        /// <summary>A deadline (<c>within</c>, <c>complete_within</c>, <c>after</c>...): any unit, business or not.</summary>
        Deadline,

        /// <summary>An elapsed window (scoring <c>within</c>, <c>half_life</c>): no business units.</summary>
        Elapsed,

        /// <summary>A <c>warn_before</c>: business minutes and hours, but not business days or weeks.</summary>
        WarnBefore,
    }

    private YamlValueReader? _valueReader;

    /// <summary>Gets the one YAML value reader (shared with tests files), reporting with the policy's codes.</summary>
    private YamlValueReader Values => _valueReader ??= new YamlValueReader(_diagnostics, YamlValueCodes.Policy);

    private static string Msg(FormattableString text) => YamlValueReader.Msg(text);

    private static string Describe(YamlNode node) => YamlValueReader.Describe(node);

    private static string Truncate(string text) => YamlValueReader.Truncate(text);

    private void CheckKeys(YamlMapping map, string where, IReadOnlyCollection<string> allowed) => Values.CheckKeys(map, where, allowed);

    private YamlNode? Require(YamlMapping map, string key, string where) => Values.Require(map, key, where);

    private YamlMapping? AsMapping(YamlNode node, string what) => Values.AsMapping(node, what);

    private YamlSequence? AsSequence(YamlNode node, string what) => Values.AsSequence(node, what);

    private string? ReadString(YamlNode node, string what) => Values.ReadString(node, what);

    private double? ReadNumber(YamlNode node, string what)
    {
        if (node is YamlScalar scalar && scalar.TryGetDouble(out var value))
        {
            return value;
        }

        _diagnostics.Error(DiagnosticCodes.InvalidNumber, node.Line, node.Column, Msg($"{what} must be a number, not {Describe(node)}"));
        return null;
    }

    private int? ReadCount(YamlNode node, string what)
    {
        if (node is YamlScalar scalar && scalar.TryGetInt32(out var value) && value >= 0)
        {
            return value;
        }

        _diagnostics.Error(DiagnosticCodes.InvalidInteger, node.Line, node.Column, Msg($"{what} must be a non-negative integer, not {Describe(node)}"));
        return null;
    }

    private bool? ReadBoolean(YamlNode node, string what)
    {
        if (node is YamlScalar scalar && scalar.TryGetBoolean(out var value))
        {
            return value;
        }

        _diagnostics.Error(DiagnosticCodes.InvalidBoolean, node.Line, node.Column, Msg($"{what} must be `true` or `false`, not {Describe(node)}"));
        return null;
    }

    private ImmutableArray<string>? ReadNameList(YamlNode node, string what, string emptyCode)
    {
        if (node is YamlScalar { IsNull: false } single)
        {
            return ReadString(single, what) is { } one ? [one] : null;
        }

        if (AsSequence(node, what) is not { } sequence)
        {
            return null;
        }

        if (sequence.Items.IsEmpty)
        {
            _diagnostics.Error(emptyCode, node.Line, node.Column, Msg($"{what} must list at least one name"));
            return null;
        }

        var names = ImmutableArray.CreateBuilder<string>();
        var ok = true;
        foreach (var item in sequence.Items)
        {
            if (ReadString(item, "an entry of " + what) is not { } name)
            {
                ok = false;
            }
            else if (names.Contains(name, StringComparer.Ordinal))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateName, item.Line, item.Column, Msg($"`{name}` is listed twice in {what}"));
                ok = false;
            }
            else
            {
                names.Add(name);
            }
        }

        return ok ? names.ToImmutable() : null;
    }

    private double? ReadPercentage(YamlNode node, string what, bool report = true)
    {
        if (node is YamlScalar { IsPlain: true } scalar)
        {
            var text = scalar.Value.Trim();
            if (text.EndsWith('%')
                && double.TryParse(text[..^1].TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && value >= 0 && value <= 100)
            {
                return value;
            }
        }

        if (report)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidPercentage, node.Line, node.Column, Msg($"{what} must be a percentage from 0% to 100% such as `95%`, not {Describe(node)}"));
        }

        return null;
    }

    private SlaDuration? ReadDuration(YamlNode node, string what, DurationUse use)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidDuration, node.Line, node.Column, Msg($"{what} must be a duration such as `4 business hours`, not {Describe(node)}"));
            return null;
        }

        var text = scalar.Value.Trim();
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is < 2 or > 3)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidDuration, node.Line, node.Column, Msg($"{what} must be `N [business] unit` such as `4 business hours` or `30 days`, not `{Truncate(text)}`"));
            return null;
        }

        // Words match case-insensitively, as SlaDuration.TryParse (the one duration reader) does.
        if (tokens.Length == 3 && !string.Equals(tokens[1], "business", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidDuration, node.Line, node.Column, Msg($"{what}: `{Truncate(tokens[1])}` is not a duration word{DidYouMean.Hint(tokens[1], ["business"])}"));
            return null;
        }

        if (!tokens[0].All(char.IsAsciiDigit) || !int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidDurationAmount, node.Line, node.Column, Msg($"{what}: the amount `{Truncate(tokens[0])}` must be a non-negative integer"));
            return null;
        }

        var unit = tokens[^1];
        var lower = unit.ToLowerInvariant();
        var singular = lower.EndsWith('s') ? lower[..^1] : lower;
        if (singular is not ("minute" or "hour" or "day" or "week"))
        {
            _diagnostics.Error(DiagnosticCodes.UnknownDurationUnit, node.Line, node.Column, Msg($"{what}: unknown duration unit `{Truncate(unit)}` (use minutes, hours, days or weeks){DidYouMean.Hint(unit, DurationUnits)}"));
            return null;
        }

        var business = tokens.Length == 3;
        if (business && use == DurationUse.Elapsed)
        {
            _diagnostics.Error(DiagnosticCodes.BusinessDurationNotAllowed, node.Line, node.Column, Msg($"{what} is elapsed time; `business` is not allowed here"));
            return null;
        }

        if (business && use == DurationUse.WarnBefore && singular is "day" or "week")
        {
            _diagnostics.Error(DiagnosticCodes.BusinessDurationNotAllowed, node.Line, node.Column, Msg($"{what} may use business minutes or hours, but not business {singular}s"));
            return null;
        }

        if (!SlaDuration.TryParse(text, out var duration))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidDuration, node.Line, node.Column, Msg($"{what}: `{Truncate(text)}` is not a supported duration"));
            return null;
        }

        return duration;
    }

    private WarnBefore? ReadWarnBefore(YamlNode node, string what)
    {
        if (node is YamlScalar { IsPlain: true } scalar && scalar.Value.TrimEnd().EndsWith('%'))
        {
            return ReadPercentage(node, what, report: false) is { } percentage
                ? WarnBefore.FromPercentage(percentage)
                : Fail();
        }

        return ReadDuration(node, what, DurationUse.WarnBefore) is { } duration ? WarnBefore.FromDuration(duration) : null;

        WarnBefore? Fail()
        {
            _diagnostics.Error(DiagnosticCodes.InvalidWarnBefore, node.Line, node.Column, Msg($"{what} must be a duration or a percentage from 0% to 100%, not {Describe(node)}"));
            return null;
        }
    }

    private Condition? ReadCondition(YamlNode node, string what, bool allowScore)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            _diagnostics.Error(DiagnosticCodes.WrongNodeKind, node.Line, node.Column, Msg($"{what} must be a condition text, not {Describe(node)}"));
            return null;
        }

        var context = new ConditionCompileContext
        {
            File = _diagnostics.File,
            Line = scalar.Line,
            Column = scalar.TextColumn,
            Locate = scalar.PositionOf,
            Fields = _fields,
            AllowScore = allowScore,
            Slots = _slots,
        };
        var condition = ConditionCompiler.Compile(scalar.Value, context);
        _diagnostics.AddRange(context.Diagnostics);
        return condition;
    }
}
