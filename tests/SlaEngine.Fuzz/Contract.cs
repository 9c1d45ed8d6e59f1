using System.Text.RegularExpressions;
using SlaEngine.Diagnostics;

namespace SlaEngine.Fuzz;

/// <summary>SlaEngine broke its contract for a fuzz input (a finding). Thrown by the targets; AFL++ records it as a crash.</summary>
public sealed class ContractViolation(string message) : Exception(message);

/// <summary>The checks every target shares.</summary>
public static partial class Contract
{
    /// <summary>Fails with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Assert([System.Diagnostics.CodeAnalysis.DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            throw new ContractViolation(message);
        }
    }

    /// <summary>Checks a diagnostic: a documented code, a message, the expected file, and a position inside <paramref name="text"/>.</summary>
    public static void Located(Diagnostic d, TextLines text, string file)
    {
        Documented(d.Code, d.ToString());
        Assert(!string.IsNullOrWhiteSpace(d.Message), $"a diagnostic without a message: {d}");
        Assert(d.File == file, $"a diagnostic names file '{d.File}', expected '{file}': {d}");
        Assert(text.Contains(d.Line, d.Column), $"a diagnostic outside the input ({text.Describe()}): {d}");
    }

    /// <summary>Checks that an error code has the SLA0000 shape and is listed in docs/error-codes.md.</summary>
    public static void Documented(string? code, string context)
    {
        Assert(code is not null && CodeShape().IsMatch(code), $"not a stable code: '{code}' ({context})");
        Assert(FuzzInputs.DocumentedCodes.Contains(code), $"code {code} is not listed in docs/error-codes.md ({context})");
    }

    /// <summary>Checks that two runs over the same bytes produced the same text.</summary>
    public static void Deterministic(string first, string second, string what) =>
        Assert(string.Equals(first, second, StringComparison.Ordinal), $"{what} differs between two runs over the same bytes:\n{first}\n---\n{second}");

    [GeneratedRegex("^SLA[0-9]{4}$")]
    private static partial Regex CodeShape();
}

/// <summary>The lines of an input, for checking that a position lies inside it.</summary>
public sealed class TextLines
{
    private readonly List<int> _lengths = [];

    /// <summary>Splits <paramref name="text"/> at every YAML line break: CR LF, CR, LF, NEL, LS and PS.</summary>
    public TextLines(string text)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                _lengths.Add(length);
                length = 0;
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                length++;
            }
        }

        _lengths.Add(length);
    }

    /// <summary>Gets the number of lines (an empty text has one empty line).</summary>
    public int Count => _lengths.Count;

    /// <summary>Gets the length of a 1-based line.</summary>
    public int Length(int line) => _lengths[line - 1];

    /// <summary>Whether a 1-based line and column lie in the text (the column may be one past the line's end).</summary>
    public bool Contains(int line, int column) => line >= 1 && line <= Count && column >= 1 && column <= Length(line) + 1;

    /// <summary>Describes the shape of the text for a message.</summary>
    public string Describe() => $"{Count} line(s), lengths {string.Join(",", _lengths.Take(20))}{(Count > 20 ? ",…" : string.Empty)}";
}
