using System.Collections.Immutable;

namespace SlaEngine.Monitor;

/// <summary>One page of the feed of recorded transitions, in recording order.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TransitionPage
{
    internal TransitionPage(ImmutableArray<RecordedTransition> items, long next)
    {
        Items = items;
        Next = next;
    }

    /// <summary>Gets the transitions, by increasing <see cref="RecordedTransition.Seq"/>.</summary>
    public ImmutableArray<RecordedTransition> Items { get; }

    /// <summary>Gets the cursor to ask for the next page with: the last item's sequence number, or the cursor asked with when the page is empty.</summary>
    public long Next { get; }
}
