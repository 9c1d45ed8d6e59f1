namespace SlaEngine.Cli;

/// <summary>A command-line usage error: names the argument and the fix; exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
