using System.Collections.Immutable;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Conditions;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Conditions;

public class ConditionPropertiesTests
{
    [Fact]
    public void PrettyPrint_RandomTrees_ReparseToEquivalentConditions()
    {
        var property = Prop.ForAll(Arbitraries.TreeWithScopes(), sample =>
        {
            var text = ConditionPrinter.Print(sample.Tree);
            var context = ConditionTestContext.Create();
            var condition = ConditionCompiler.Compile(text, context);
            if (condition is null)
            {
                throw new InvalidOperationException("did not re-parse: " + text + "\n" + string.Join("\n", context.Diagnostics));
            }

            // Canonical: printing the re-parsed condition gives the same text.
            Assert.Equal(text, condition.ToString());
            var expected = ConditionEmitter.EmitCondition(sample.Tree);
            foreach (var scope in sample.Scopes)
            {
                Assert.Equal(expected(scope), condition.Evaluate(scope));
            }

            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
    }

    [Fact]
    public void Compile_TokenSoup_NeverThrowsAndLocatesErrors()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Arbitraries.TokenSoup(), CompilesOrLocatesErrors));
    }

    [Fact]
    public void Compile_RandomStrings_NeverThrowsAndLocatesErrors()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Arbitraries.RandomText(), CompilesOrLocatesErrors));
    }

    private static bool CompilesOrLocatesErrors(string text)
    {
        var context = ConditionTestContext.Create(ConditionTestContext.Schema);
        var condition = ConditionCompiler.Compile(text, context);
        var lines = text.Count(c => c == '\n');
        foreach (var diagnostic in context.Diagnostics)
        {
            Assert.Equal(ConditionTestContext.File, diagnostic.File);
            Assert.InRange(diagnostic.Line, ConditionTestContext.Line, ConditionTestContext.Line + lines);
            Assert.True(diagnostic.Column >= 1);
            Assert.False(string.IsNullOrEmpty(diagnostic.Message));
        }

        if (condition is null)
        {
            Assert.Contains(context.Diagnostics, d => d.IsError);
            return true;
        }

        Assert.DoesNotContain(context.Diagnostics, d => d.IsError);
        condition.Evaluate(new FakeConditionScope());
        condition.Evaluate(Arbitraries.SampleScope);

        // Whatever compiled prints back to text that compiles to the same canonical form.
        var again = ConditionCompiler.Compile(condition.ToString(), ConditionTestContext.Create(ConditionTestContext.Schema));
        Assert.NotNull(again);
        Assert.Equal(condition.ToString(), again.ToString());
        return true;
    }

    /// <summary>A generated tree and the scopes to evaluate it on.</summary>
    internal sealed record TreeSample(ConditionNode Tree, FakeConditionScope[] Scopes)
    {
        public override string ToString() => ConditionPrinter.Print(Tree) + "\n" + string.Join("\n", Scopes.Select(s => s.ToString()));
    }

    /// <summary>Named, bounded generators for the condition language.</summary>
    private static class Arbitraries
    {
        private static readonly string[] AttributeNames = ["a", "b", "n", "s", "flag", "tags", "ts"];
        private static readonly string[] EventTypes = ["ev", "web"];
        private static readonly string[] Patterns = ["^a", "(?i)B", "x|y", "\\d+", "\\bq\\b", "^$"];
        private static readonly string[] Strings = ["a", "A", "ab", "B", "", "x y", "q\"t", "it's", "back\\slash", "\\b", "é", "2026-11-10T12:00:00Z"];
        private static readonly ComparisonOperator[] Operators = Enum.GetValues<ComparisonOperator>();
        private static readonly Instant At = Instant.FromUtc(2026, 11, 20, 12, 0);

        public static FakeConditionScope SampleScope { get; } = new FakeConditionScope(At, 12.5)
            .With("a", "ab").With("n", 3).With("flag", true).WithList("tags", "a", 1).With("ts", "2026-11-10T12:00:00Z")
            .WithEvent("ev", At - Duration.FromDays(2));

        public static Arbitrary<TreeSample> TreeWithScopes()
        {
            var gen =
                from tree in Gen.Sized(size => Condition(Math.Min(size, 24)))
                from scopes in Gen.ArrayOf(Scope(), 6)
                select new TreeSample(tree, scopes);
            return Arb.From(gen);
        }

        public static Arbitrary<string> TokenSoup()
        {
            string[] vocabulary =
            [
                "(", ")", "[", "]", ",", "==", "!=", "<", "<=", ">", ">=", "=", "!", "not", "and", "or", "in", "any",
                "contains", "starts_with", "ends_with", "matches", "true", "false", "null", "score", "employees", "title",
                "purchase_timeline", "emial", "tags", "exists", "count", "days_since", "foo", "30", "-1.5", "1e999", "1.2.3",
                "days", "business", "hours", "\"x\"", "'now'", "\"(\"", "\"\\\\b\"", "\"", "'", "\\", "#", "\n", "\t", "&&", "é",
            ];
            var gen =
                from count in Gen.Choose(0, 30)
                from parts in Gen.ArrayOf(Gen.Elements(vocabulary), count)
                from separators in Gen.ArrayOf(Gen.Elements(" ", " ", "", "  "), count)
                select string.Concat(parts.Zip(separators, (p, s) => p + s));
            return Arb.From(gen);
        }

        public static Arbitrary<string> RandomText()
        {
            var chars = Gen.Frequency(
                (6, Gen.Elements("abcdefghijklmnopqrstuvwxyz_ 0123456789.-\"'\\()[],=!<>".ToCharArray())),
                (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));
            return Arb.From(Gen.Sized(size => Gen.ArrayOf(chars, Math.Min(size, 80))).Select(a => new string(a)));
        }

        private static Gen<ConditionNode> Condition(int size)
        {
            if (size <= 1)
            {
                return Gen.OneOf(Identifier(), Gen.Elements(true, false).Select(b => (ConditionNode)new LiteralNode(b)), Call(), Comparison(0));
            }

            var half = size / 2;
            return Gen.Frequency(
                (3, Comparison(half)),
                (2, Gen.Choose(2, 3).SelectMany(n => Gen.ArrayOf(Condition(half), n))
                    .SelectMany(operands => Gen.Elements(true, false).Select(isAnd => (ConditionNode)new LogicalNode(isAnd, operands.ToImmutableArray())))),
                (1, Condition(half).Select(operand => (ConditionNode)new NotNode(operand))),
                (1, Identifier()),
                (1, Call()));
        }

        private static Gen<ConditionNode> Comparison(int size)
        {
            return from op in Gen.Elements(Operators)
                   from any in Gen.Elements(true, false)
                   from left in Operand(size)
                   from right in op == ComparisonOperator.Matches ? Pattern(any) : any ? List(1) : Operand(size)
                   select (ConditionNode)new ComparisonNode(op, any, left, right, Compile(op, any, right));
        }

        private static ImmutableArray<Regex> Compile(ComparisonOperator op, bool any, ConditionNode right)
        {
            if (op != ComparisonOperator.Matches)
            {
                return default;
            }

            var patterns = any ? ((ListNode)right).Items.Cast<LiteralNode>() : [(LiteralNode)right];
            return patterns.Select(p => new Regex(p.Value.AsString, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100))).ToImmutableArray();
        }

        private static Gen<ConditionNode> Pattern(bool any)
        {
            var one = Gen.Elements(Patterns).Select(p => (ConditionNode)new LiteralNode(p));
            return any
                ? Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(one, n)).Select(items => (ConditionNode)new ListNode(items.ToImmutableArray()))
                : one;
        }

        private static Gen<ConditionNode> Operand(int size)
        {
            var leaves = Gen.Frequency(
                (4, Identifier()),
                (4, Scalar()),
                (1, List(1)),
                (2, Call()));
            return size <= 1
                ? leaves
                : Gen.Frequency((6, leaves), (1, Condition(size / 2)));
        }

        private static Gen<ConditionNode> Identifier() =>
            Gen.Elements(AttributeNames.Append(IdentifierNode.ScoreName).ToArray()).Select(n => (ConditionNode)new IdentifierNode(n));

        private static Gen<ConditionNode> Call() => Gen.OneOf(
            Gen.Elements(AttributeNames).Select(n => (ConditionNode)new CallNode(ConditionFunction.Exists, n, false, null)),
            from type in Gen.Elements(EventTypes)
            from quoted in Gen.Elements(true, false)
            from amount in Gen.Choose(0, 10)
            from unit in Gen.Elements("minutes", "hours", "days", "weeks", string.Empty)
            select (ConditionNode)new CallNode(ConditionFunction.Count, type, quoted, unit.Length == 0 ? null : new CountWindow(amount, unit)),
            Gen.Elements(EventTypes.Append("ts").ToArray()).Select(n => (ConditionNode)new CallNode(ConditionFunction.DaysSince, n, false, null)));

        private static Gen<ConditionNode> Scalar() => ScalarValue().Select(v => (ConditionNode)new LiteralNode(v));

        private static Gen<ConditionNode> List(int depth)
        {
            var item = depth > 0 ? Gen.Frequency((5, Scalar()), (1, List(depth - 1))) : Scalar();
            return Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(item, n)).Select(items => (ConditionNode)new ListNode(items.ToImmutableArray()));
        }

        private static Gen<LeadValue> ScalarValue() => Gen.Frequency(
            (1, Gen.Constant(LeadValue.Null)),
            (1, Gen.Elements(true, false).Select(LeadValue.FromBoolean)),
            (3, Gen.Choose(-3, 5).Select(i => LeadValue.FromNumber(i))),
            (1, Gen.Choose(-1_000_000, 1_000_000).Select(i => LeadValue.FromNumber(i / 7.0))),
            (1, Gen.Elements(1e20, -1e-5, 0.1, double.MaxValue, double.Epsilon).Select(LeadValue.FromNumber)),
            (3, Gen.Elements(Strings).Select(LeadValue.FromString)));

        private static Gen<FakeConditionScope> Scope()
        {
            var value = Gen.Frequency(
                (4, ScalarValue()),
                (1, Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(ScalarValue(), n)).Select(items => LeadValue.FromList(items.ToImmutableArray()))));
            return from score in Gen.Choose(-10, 10)
                   from values in Gen.ArrayOf(value, AttributeNames.Length)
                   from present in Gen.ArrayOf(Gen.Elements(true, true, false), AttributeNames.Length)
                   from eventAges in Gen.ArrayOf(Gen.Choose(-5 * 24, 20 * 24), 4)
                   from eventTypes in Gen.ArrayOf(Gen.Elements(EventTypes), 4)
                   select Build(score, values, present, eventAges, eventTypes);
        }

        private static FakeConditionScope Build(int score, LeadValue[] values, bool[] present, int[] eventAges, string[] eventTypes)
        {
            var scope = new FakeConditionScope(At, score);
            for (var i = 0; i < AttributeNames.Length; i++)
            {
                if (present[i])
                {
                    scope.With(AttributeNames[i], values[i]);
                }
            }

            for (var i = 0; i < eventAges.Length; i++)
            {
                scope.WithEvent(eventTypes[i], At - Duration.FromHours(eventAges[i]));
            }

            return scope;
        }
    }
}
