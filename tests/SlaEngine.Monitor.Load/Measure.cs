namespace SlaEngine.Monitor.Load;

/// <summary>The measurement program (filled in below).</summary>
internal static class Measure
{
    internal static Task<int> RunAsync(IReadOnlyDictionary<string, string> options) => Task.FromResult(0);
}
