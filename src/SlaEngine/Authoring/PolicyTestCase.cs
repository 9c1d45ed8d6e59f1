using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Loading;
using SlaEngine.Diagnostics;

namespace SlaEngine.Authoring;

/// <summary>One test of a tests file as read: its name, instant, lead and expectations, or the errors that make it unrunnable.</summary>
internal sealed class PolicyTestCase
{
    public PolicyTestCase(string name, int line, int column, DiagnosticBag errors)
    {
        Name = name;
        Line = line;
        Column = column;
        Errors = errors;
    }

    public string Name { get; set; }

    public int Line { get; }

    public int Column { get; }

    public Instant? At { get; set; }

    public LeadSnapshot? Lead { get; set; }

    public YamlMapping? Expect { get; set; }

    /// <summary>Gets the test's own diagnostics (same file as the tests file).</summary>
    public DiagnosticBag Errors { get; }

    public bool Runnable => !Errors.HasErrors && At is not null && Lead is not null && Expect is not null;
}
