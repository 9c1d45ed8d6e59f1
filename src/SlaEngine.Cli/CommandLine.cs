using System.Globalization;
using SlaEngine.Diagnostics;

namespace SlaEngine.Cli;

/// <summary>A small, strict parser for <c>--name value</c> options, flags and positional arguments.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine(List<string> positional)
    {
        Positional = positional;
    }

    internal List<string> Positional { get; }

    /// <summary>Parses arguments; options listed in <paramref name="valued"/> take a value, those in <paramref name="flags"/> do not.</summary>
    internal static CommandLine Parse(IReadOnlyList<string> args, string[] valued, string[] flags)
    {
        var line = new CommandLine([]);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg;
                string? inlineValue = null;
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    name = arg[..eq];
                    inlineValue = arg[(eq + 1)..];
                }

                if (flags.Contains(name))
                {
                    line._flags.Add(name);
                }
                else if (valued.Contains(name))
                {
                    var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value."));
                    if (!line._options.TryAdd(name, value))
                    {
                        throw new UsageException($"{name} is given twice.");
                    }
                }
                else
                {
                    var known = valued.Concat(flags).ToArray();
                    var hint = known.OrderBy(k => Distance(k, name)).FirstOrDefault(k => Distance(k, name) <= 3);
                    throw new UsageException($"unknown option {name}." + (hint is null ? string.Empty : $" Did you mean {hint}?"));
                }
            }
            else
            {
                line.Positional.Add(arg);
            }
        }

        return line;
    }

    internal bool Flag(string name) => _flags.Contains(name);

    internal string? Optional(string name) => _options.TryGetValue(name, out var value) ? value : null;

    internal string Required(string name, string example) =>
        Optional(name) ?? throw new UsageException($"{name} is required, for example {name} {example}.");

    /// <summary>Edit distance for "did you mean" hints (the library's, shared with policy diagnostics).</summary>
    internal static int Distance(string a, string b) => DidYouMean.Distance(a, b);

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An exception's message for the user: without the <c> (Parameter 'name')</c> that .NET appends to the message of
    /// an <see cref="ArgumentException"/>, which names a parameter of the library, not anything the user wrote.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The message.</returns>
    internal static string MessageOf(Exception exception) => exception is ArgumentException { ParamName: { } name }
        ? exception.Message.Replace(" (Parameter '" + name + "')", string.Empty, StringComparison.Ordinal)
        : exception.Message;
}
