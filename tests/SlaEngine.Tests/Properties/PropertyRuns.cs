using System.Globalization;
using FsCheck;

namespace SlaEngine.Tests.Properties;

/// <summary>
/// How many cases each property runs: 1000 by default, or the value of the <c>SLAENGINE_PROPERTY_RUNS</c> environment
/// variable (for example 100000 for a nightly soak).
/// </summary>
internal static class PropertyRuns
{
    public static int Count { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_PROPERTY_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0
            ? runs
            : 1000;

    public static Config Config => Config.QuickThrowOnFailure.WithMaxTest(Count).WithQuietOnSuccess(true);

    /// <summary>Runs a property with <see cref="Count"/> cases; a failure throws with the shrunk counterexample.</summary>
    public static void Check(Property property) => FsCheck.Check.One(Config, property);
}
