using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Policies;
using SlaEngine.Diagnostics;

namespace SlaEngine.Evaluation;

/// <summary>
/// Checks a lead's data against a policy before it is evaluated: with <c>fields</c> declared, an attribute of another
/// type than its field and an enum value outside the enum are warnings, and the lead is evaluated with those values
/// read as missing; a touch on a channel no tier names is a warning too (the touch is kept); a lead whose <c>mql_at</c> is after the evaluation instant
/// gets a warning that it has not been handed off yet. Stateless and thread-safe.
/// </summary>
internal static class LeadDataCheck
{
    /// <summary>Checks a lead; returns its warnings and the lead to evaluate (the same instance when nothing was dropped).</summary>
    internal static (ImmutableArray<LeadWarning> Warnings, LeadSnapshot Lead) Run(SlaPolicy policy, LeadSnapshot lead, Instant at)
    {
        ImmutableArray<LeadWarning>.Builder? warnings = null;
        var effective = lead;
        if (policy.Fields is { } fields)
        {
            List<KeyValuePair<string, LeadValue>>? kept = null;
            var entries = lead.AttributeEntries;
            var declared = fields.Sorted;
            var f = 0;
            for (var i = 0; i < entries.Length; i++)
            {
                // Both lists are sorted by name: one merge finds each attribute's field.
                var (name, value) = entries[i];
                while (f < declared.Length && string.CompareOrdinal(declared[f].Key, name) < 0)
                {
                    f++;
                }

                var type = f < declared.Length && string.Equals(declared[f].Key, name, StringComparison.Ordinal) ? declared[f].Value : null;
                if (value.IsNull || type is null || Problem(value, type) is not { } problem)
                {
                    kept?.Add(entries[i]);
                    continue;
                }

                (warnings ??= ImmutableArray.CreateBuilder<LeadWarning>()).Add(problem.Enum
                    ? new LeadWarning(DiagnosticCodes.LeadEnumValueUnknown, Msg($"{Show(value)} is not a value of `{name}` ({string.Join(", ", type.EnumValues)}); it is read as missing{DidYouMean.Hint(value.AsString, type.EnumValues)}"), "attributes." + name)
                    : new LeadWarning(DiagnosticCodes.LeadAttributeWrongType, Msg($"`{name}` is declared {Article(type)} in `fields`, but the lead gives {problem.Actual} ({Show(value)}); it is read as missing"), "attributes." + name));
                kept ??= [.. entries[..i]];
            }

            if (warnings is { Count: > 1 })
            {
                // By path, so the first warning (strict mode's error) is stable: the first attribute by name.
                warnings.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            }

            // A touch on a channel no tier names is kept: it still counts where any channel does (the first touch
            // that starts a disposition clock), and it meets no channel milestone anyway.
            var channels = policy.TouchChannels;
            for (var i = 0; i < lead.Touches.Length; i++)
            {
                var touch = lead.Touches[i];
                if (channels.Contains(touch.Channel))
                {
                    continue;
                }

                var named = channels.Names.IsEmpty ? "it names none" : "it names " + string.Join(", ", channels.Names);
                (warnings ??= ImmutableArray.CreateBuilder<LeadWarning>()).Add(new LeadWarning(
                    DiagnosticCodes.LeadTouchChannelUnknown,
                    Msg($"the channel `{Shorten(touch.Channel)}` is not named by any tier of the policy ({named}), so the touch meets no channel's milestone{DidYouMean.Hint(touch.Channel, channels.Names)}"),
                    Msg($"touches[{i}].channel")));
            }

            if (kept is not null)
            {
                effective = lead.WithAttributeEntries([.. kept]);
            }
        }

        if (lead.MqlAt is { } mqlAt && mqlAt > at)
        {
            (warnings ??= ImmutableArray.CreateBuilder<LeadWarning>()).Add(new LeadWarning(
                DiagnosticCodes.LeadNotHandedOff,
                Msg($"mql_at is after at: the SLA has not started (mql_at {InstantText.Format(mqlAt)}, at {InstantText.Format(at)}); the lead is evaluated as if it had been handed off at mql_at"),
                "mql_at"));
        }

        return (warnings?.ToImmutable() ?? [], effective);
    }

    private static (bool Enum, string Actual)? Problem(LeadValue value, FieldType type)
    {
        var ok = type.Kind switch
        {
            FieldKind.Number => value.Kind == LeadValueKind.Number,
            FieldKind.String => value.Kind == LeadValueKind.String,
            FieldKind.Boolean => value.Kind == LeadValueKind.Boolean,
            FieldKind.List => value.Kind == LeadValueKind.List,
            FieldKind.Instant => value.Kind == LeadValueKind.String && InstantText.TryParse(value.AsString, out _),
            _ => value.Kind == LeadValueKind.String && type.AllowsEnumValue(value.AsString),
        };
        if (ok)
        {
            return null;
        }

        if (type.Kind == FieldKind.Enum && value.Kind == LeadValueKind.String)
        {
            return (true, "a value outside the enum");
        }

        return (false, type.Kind == FieldKind.Instant && value.Kind == LeadValueKind.String ? "a string that is not an instant" : KindName(value.Kind));
    }

    private static string KindName(LeadValueKind kind) => kind switch
    {
        LeadValueKind.Boolean => "a boolean",
        LeadValueKind.Number => "a number",
        LeadValueKind.String => "a string",
        _ => "a list",
    };

    private static string Article(FieldType type) => type.Kind switch
    {
        FieldKind.Number => "a number",
        FieldKind.String => "a string",
        FieldKind.Boolean => "a bool",
        FieldKind.Instant => "an instant",
        FieldKind.List => "a list",
        _ => "an enum",
    };

    private static string Show(LeadValue value) => Shorten(value.ToString());

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string Msg(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
