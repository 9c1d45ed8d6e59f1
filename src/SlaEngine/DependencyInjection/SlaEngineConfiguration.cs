namespace SlaEngine.DependencyInjection;

/// <summary>One <c>AddSlaEngine</c> call's configuration delegate, registered so that every call's delegate runs.</summary>
/// <param name="Configure">The delegate.</param>
internal sealed record SlaEngineConfiguration(Action<SlaEngineOptions> Configure);
