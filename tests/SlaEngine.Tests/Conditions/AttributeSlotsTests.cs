using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;
using SlaEngine.Tests.Evaluation;

namespace SlaEngine.Tests.Conditions;

/// <summary>Reading an attribute by its policy slot gives what reading it by name gives, for any policy and lead.</summary>
public sealed class AttributeSlotsTests
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_PROPERTY_RUNS"), out var n) ? n : 300;
    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 12, 0);

    [Fact]
    public void BySlot_AgreesWithByName_ForAnyNamesAndLead()
    {
        // Names from a small alphabet, so the policy's and the lead's overlap; up to 40 of each (beyond the mapped slots).
        var name = Gen.Elements("a", "b", "B", "ab", "a_b", "zz", "employees", "title", "x1", "x10", "x2", "é", "_");
        var names = from count in Gen.Choose(0, 40)
                    from list in Gen.ListOf(Gen.OneOf(name, Gen.Choose(0, 400).Select(i => "n" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture))), count)
                    select list.Distinct(StringComparer.Ordinal).ToArray();
        var property = Prop.ForAll(names.ToArbitrary(), names.ToArbitrary(), (policyNames, leadNames) =>
        {
            var slots = new AttributeSlots();
            foreach (var policyName in policyNames)
            {
                slots.SlotOf(policyName);
            }

            slots.Freeze();
            var lead = new LeadSnapshotBuilder().Build() with
            {
                Attributes = leadNames.ToImmutableDictionary(k => k, k => LeadValue.FromString("v-" + k), StringComparer.Ordinal),
            };
            var scope = new LeadConditionScope(lead, At, slots);
            return policyNames.All(p => scope.GetAttribute(slots.SlotOf(p), p).Equals(scope.GetAttribute(p)))
                && slots.SlotOf("not compiled in") == -1;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), property);
    }

    [Fact]
    public void BySlot_ReadsAttributesBeyondTheMappedIndexes_ByName()
    {
        // 300 attributes: the ones sorted past index 253 cannot be mapped inside the scope and are read by name.
        var attributes = Enumerable.Range(0, 300).ToImmutableDictionary(i => "k" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), i => LeadValue.FromNumber(i), StringComparer.Ordinal);
        var slots = new AttributeSlots();
        var wanted = new[] { "k299", "k000", "k253", "k254", "missing" };
        foreach (var name in wanted)
        {
            slots.SlotOf(name);
        }

        slots.Freeze();
        var scope = new LeadConditionScope(new LeadSnapshotBuilder().Build() with { Attributes = attributes }, At, slots);
        Assert.Equal(299, scope.GetAttribute(slots.SlotOf("k299"), "k299").AsNumber);
        Assert.Equal(0, scope.GetAttribute(slots.SlotOf("k000"), "k000").AsNumber);
        Assert.Equal(253, scope.GetAttribute(slots.SlotOf("k253"), "k253").AsNumber);
        Assert.Equal(254, scope.GetAttribute(slots.SlotOf("k254"), "k254").AsNumber);
        Assert.True(scope.GetAttribute(slots.SlotOf("missing"), "missing").IsNull);
    }

    [Fact]
    public void CompiledPolicy_ReadsItsConditionsAttributesBySlot()
    {
        var policy = TestPolicies.Sample("rank-bands.yaml");
        Assert.NotNull(policy.AttributeSlots);
        var names = policy.AttributeSlots!.SortedNames.ToArray();
        Assert.Contains("employees", names);
        Assert.Contains("title", names);
        Assert.Contains("country", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }
}
