using System.Globalization;

namespace SlaEngine.Monitor.Load;

/// <summary>--name value pairs.</summary>
internal static class Arguments
{
    internal static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                result[name] = "true";
            }
            else if (name is not null)
            {
                result[name] = arg;
                name = null;
            }
        }

        return result;
    }

    internal static void ConfigureDatabase(SlaMonitorOptions o, IReadOnlyDictionary<string, string> options)
    {
        if (options.GetValueOrDefault("provider", "sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            o.UsePostgreSql(options["database"]);
        }
        else
        {
            o.UseSqlite(options["database"]);
        }
    }

    internal static int Int(IReadOnlyDictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
