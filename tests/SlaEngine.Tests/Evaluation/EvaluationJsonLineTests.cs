using System.Buffers;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Evaluation;

/// <summary>
/// The evaluation line written by hand is byte for byte what the writer writes member by member, for any evaluation:
/// plain and awkward text (quotes, controls, non-ASCII, lone surrogates), any instant, any score, any number of
/// milestones, rungs and warnings, at the top level and inside an array.
/// </summary>
public sealed class EvaluationJsonLineTests
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_PROPERTY_RUNS"), out var n) ? n : 1000;

    private static readonly Gen<string> PlainText =
        from chars in Gen.ArrayOf(Gen.Elements("abcXYZ019 _-.:<>&'+`~!@#$%^*()[]{}|/?=;,".ToCharArray()))
        select new string(chars);

    private static readonly Gen<string> AnyText = Gen.OneOf(
        PlainText,
        PlainText,
        PlainText,
        from plain in PlainText
        from odd in Gen.Elements("\"", "\\", "\n", "\u0001", "\u007f", "é", "日本", "\u2028", "\ud83d\ude00", "\ud800", "\u00a0")
        from at in Gen.Choose(0, plain.Length)
        select plain.Insert(at, odd));

    private static readonly Gen<string?> MaybeText = Gen.OneOf(AnyText.Select(t => (string?)t), Gen.Constant((string?)null));

    private static readonly Gen<Instant> AnyInstant = Gen.OneOf(
        from seconds in Gen.Choose(-2_000_000_000, 2_000_000_000) select Instant.FromUnixTimeSeconds(seconds * 2L),
        from seconds in Gen.Choose(-2_000_000_000, 2_000_000_000) select Instant.FromUnixTimeSeconds(seconds),
        from ticks in ArbMap.Default.GeneratorFor<int>() select Instant.FromUnixTimeTicks(ticks * 1_234_567L),
        Gen.Elements(Instant.MinValue, Instant.MaxValue, Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(9999, 12, 31, 23, 59, 59), Instant.FromUtc(1, 1, 1, 0, 0) - Duration.FromSeconds(1)));

    private static readonly Gen<Instant?> MaybeInstant = Gen.OneOf(AnyInstant.Select(i => (Instant?)i), Gen.Constant((Instant?)null));

    private static readonly Gen<double?> AnyScore = Gen.OneOf(
        from cents in Gen.Choose(-100_000_000, 100_000_000) select (double?)(cents / 100.0),
        from bits in ArbMap.Default.GeneratorFor<long>() select (double?)BitConverter.Int64BitsToDouble(bits),
        Gen.Constant((double?)null));

    private static readonly Gen<LeadEvaluation> Evaluations =
        from id in AnyText
        from policy in AnyText
        from version in ArbMap.Default.GeneratorFor<int>()
        from status in Gen.Elements(Enum.GetValues<LeadStatus>())
        from reason in AnyText
        from score in AnyScore
        from tier in MaybeText
        from band in MaybeText
        from team in MaybeText
        from calendar in MaybeText
        from start in MaybeInstant
        from milestones in Gen.ListOf(Milestones).Select(l => l.Take(4).ToImmutableArray())
        from next in Gen.OneOf(NextTouches.Select(t => (NextTouch?)t), Gen.Constant((NextTouch?)null))
        from escalations in Gen.ListOf(Escalations).Select(l => l.Take(3).ToImmutableArray())
        from change in MaybeInstant
        from warnings in Gen.ListOf(Warnings).Select(l => l.Take(2).ToImmutableArray())
        select new LeadEvaluation
        {
            Id = id,
            PolicyId = policy,
            PolicyVersion = version,
            At = Instant.FromUtc(2026, 11, 22, 12, 0),
            Status = status,
            Reason = reason,
            Score = score,
            Tier = tier,
            Band = band,
            Team = team,
            Calendar = calendar,
            SlaStart = start,
            Milestones = milestones,
            NextTouch = next,
            Escalations = escalations,
            NextChangeAt = change,
            Warnings = warnings,
        };

    private static Gen<MilestoneResult> Milestones =>
        from name in Gen.OneOf(Gen.Elements("first_touch", "effort", "cadence_step_2", "disposition"), AnyText)
        from due in MaybeInstant
        from status in Gen.Elements(Enum.GetValues<MilestoneStatus>())
        from met in MaybeInstant
        from late in Gen.Choose(-1_000_000_000, 1_000_000_000)
        from fraction in Gen.Elements(0L, 1L, 999_999_999L)
        select new MilestoneResult("effort", due, status, met, Duration.FromSeconds(late) + Duration.FromNanoseconds(fraction)) with { Name = name };

    private static Gen<NextTouch> NextTouches =>
        from milestone in AnyText
        from channel in AnyText
        from due in AnyInstant
        select new NextTouch(milestone, channel, due);

    private static Gen<EscalationResult> Escalations =>
        from after in AnyText
        from at in AnyInstant
        from notify in Gen.ListOf(AnyText).Select(l => l.Take(3).ToImmutableArray())
        from fired in ArbMap.Default.GeneratorFor<bool>()
        select new EscalationResult(after, at, notify, fired);

    private static Gen<LeadWarning> Warnings =>
        from code in AnyText
        from message in AnyText
        from path in AnyText
        select new LeadWarning(code, message, path);

    [Fact]
    public void TheHandWrittenLine_IsWhatTheWriterWrites()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs), Prop.ForAll(Evaluations.ToArbitrary(), evaluation =>
        {
            Assert.Equal(MemberByMember(evaluation), Written(evaluation, EvaluationJson.WriterOptions));
        }));
    }

    [Fact]
    public void InsideAnArray_EachLineIsWhatTheWriterWrites()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs / 4), Prop.ForAll(Gen.ListOf(Evaluations).Select(l => l.Take(3).ToArray()).ToArbitrary(), evaluations =>
        {
            Assert.Equal(Array(evaluations, members: true), Array(evaluations, members: false));
        }));
    }

    [Fact]
    public void TheFastPath_IsTakenForAnEvaluatedLead_AndNotForOtherWriters()
    {
        var evaluation = TestPolicies.Sample("rank-bands.yaml").Evaluate(
            LeadSnapshot.Parse("""{"id":"L-1","mql_at":"2026-11-20T15:30:00Z","attributes":{"rank":91,"purchase_timeline":"now"},"touches":[{"channel":"call","at":"2026-11-20T16:10:00Z"}]}""").Value,
            Instant.FromUtc(2026, 11, 22, 12, 0));
        Assert.True(TryFast(evaluation, EvaluationJson.WriterOptions));
        Assert.False(TryFast(evaluation, EvaluationJson.WriterOptions with { Indented = true }));
        Assert.False(TryFast(evaluation, new JsonWriterOptions()));
        Assert.False(TryFast(evaluation, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }));
        Assert.False(TryFast(evaluation, EvaluationJson.WriterOptions with { MaxDepth = 3 }));
        Assert.True(TryFast(evaluation, EvaluationJson.WriterOptions with { MaxDepth = 4 }));
        Assert.False(TryFast(evaluation with { Reason = "say \"hi\"" }, EvaluationJson.WriterOptions));
        Assert.Equal(MemberByMember(evaluation), Written(evaluation, EvaluationJson.WriterOptions));
        foreach (var options in new[] { EvaluationJson.WriterOptions with { Indented = true }, new JsonWriterOptions() })
        {
            Assert.Equal(MemberByMember(evaluation, options), Written(evaluation, options));
        }
    }

    [Fact]
    public void ALongLine_GrowsTheBuffer()
    {
        var name = new string('x', 5000);
        var evaluation = new LeadEvaluation
        {
            Id = name, PolicyId = "p", PolicyVersion = 1, At = Instant.FromUtc(2026, 1, 1, 0, 0), Status = LeadStatus.Mql, Reason = name + name,
            Milestones = [.. Enumerable.Range(0, 50).Select(i => new MilestoneResult("cadence_step_" + (i + 1), Instant.FromUtc(2026, 1, 1, 0, 0), MilestoneStatus.Pending, null, Duration.Zero))],
        };
        Assert.True(TryFast(evaluation, EvaluationJson.WriterOptions));
        Assert.Equal(MemberByMember(evaluation), Written(evaluation, EvaluationJson.WriterOptions));
    }

    private static bool TryFast(LeadEvaluation evaluation, JsonWriterOptions options)
    {
        using var writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>(), options);
        return EvaluationJsonLine.TryWrite(writer, evaluation);
    }

    private static byte[] Written(LeadEvaluation evaluation, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            try
            {
                EvaluationJson.Write(writer, evaluation, EvaluationJsonOptions.Default);
            }
            catch (ArgumentException)
            {
                // What the writer refuses (a lone surrogate, an infinite score) is refused on either path.
                return [];
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] MemberByMember(LeadEvaluation evaluation) => MemberByMember(evaluation, EvaluationJson.WriterOptions);

    private static byte[] MemberByMember(LeadEvaluation evaluation, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            try
            {
                EvaluationJson.WriteMembers(writer, evaluation, includeTrace: false);
            }
            catch (ArgumentException)
            {
                // Text the writer refuses (a lone surrogate, an infinite score): the fast path must not write it either.
                return [];
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Array(LeadEvaluation[] evaluations, bool members)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, EvaluationJson.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var evaluation in evaluations)
            {
                try
                {
                    if (members)
                    {
                        EvaluationJson.WriteMembers(writer, evaluation, includeTrace: false);
                    }
                    else
                    {
                        EvaluationJson.Write(writer, evaluation, EvaluationJsonOptions.Default);
                    }
                }
                catch (ArgumentException)
                {
                    return [];
                }
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
