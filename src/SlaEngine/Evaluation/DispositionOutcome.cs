namespace SlaEngine.Evaluation;

/// <summary>How the closed loop ended for a lead.</summary>
public enum DispositionOutcome
{
    /// <summary>Converted to an opportunity.</summary>
    Convert,

    /// <summary>Deferred.</summary>
    Defer,

    /// <summary>Recycled back to marketing.</summary>
    Recycle,
}
