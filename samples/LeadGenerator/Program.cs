using System.Globalization;

namespace SlaEngine.Samples.LeadGenerator;

/// <summary>
/// <c>dotnet run --project samples/LeadGenerator -- --count 1000000 --seed 1 &gt; big.jsonl</c>: writes synthetic lead
/// snapshots, one JSON object per line, for <c>samples/policies/rank-bands.yaml</c>. The same arguments always give
/// the same bytes (a seeded <see cref="Random"/>, no clock).
/// </summary>
internal static class Program
{
    private const string Help = """
        Usage: dotnet run --project samples/LeadGenerator -- [--count N] [--seed S] [--at INSTANT] [--days D] [--first N]

        Writes N synthetic leads (JSONL) for samples/policies/rank-bands.yaml to standard output, deterministically:
        the same arguments always give the same bytes.

          --count  number of leads (default 1000)
          --seed   random seed (default 1)
          --at     the evaluation instant the leads are a snapshot of; no touch or disposition lies after it
                   (default 2026-11-22T12:00:00Z)
          --days   how many days before --at the leads were handed to sales (default 90)
          --first  number of the first lead id (default 1): ids are L-0000001, L-0000002…

        Example:
          dotnet run -c Release --project samples/LeadGenerator -- --count 1000000 --seed 1 > big.jsonl

        """;

    private static int Main(string[] args)
    {
        var options = new GeneratorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--help" or "-h":
                    Console.Out.Write(Help);
                    return 0;
                case "--count" when value is not null:
                    options = options with { Count = int.Parse(value, CultureInfo.InvariantCulture) };
                    i++;
                    break;
                case "--seed" when value is not null:
                    options = options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) };
                    i++;
                    break;
                case "--at" when value is not null:
                    options = options with { At = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) };
                    i++;
                    break;
                case "--days" when value is not null:
                    options = options with { Days = int.Parse(value, CultureInfo.InvariantCulture) };
                    i++;
                    break;
                case "--first" when value is not null:
                    options = options with { First = int.Parse(value, CultureInfo.InvariantCulture) };
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"LeadGenerator: unexpected argument '{args[i]}'.");
                    Console.Error.Write(Help);
                    return 2;
            }
        }

        using var stdout = Console.OpenStandardOutput();
        using var buffered = new BufferedStream(stdout, 1 << 16);
        new LeadWriter(options).WriteAll(buffered);
        return 0;
    }
}
