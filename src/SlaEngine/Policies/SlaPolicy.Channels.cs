using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SlaEngine.Policies;

/// <content>The touch channels the policy's tiers name, for checking a lead's touches.</content>
public sealed partial class SlaPolicy
{
    private TouchChannelSet? _touchChannels;

    /// <summary>Gets every channel a tier names (first touch, effort, cadence steps), compared ignoring case; built on first use.</summary>
    internal TouchChannelSet TouchChannels => _touchChannels ??= new TouchChannelSet(Tiers);

    /// <summary>The channels named by a policy's tiers, in the order written; immutable and thread-safe.</summary>
    internal sealed class TouchChannelSet
    {
        private readonly FrozenSet<string> _set;

        internal TouchChannelSet(ImmutableArray<TierDefinition> tiers)
        {
            var ordered = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var tier in tiers)
            {
                var names = (tier.FirstTouch?.Channels ?? [])
                    .Concat(tier.Effort.Select(e => e.Channel))
                    .Concat(tier.Cadence.SelectMany(s => s.Channels));
                foreach (var name in names)
                {
                    if (seen.Add(name))
                    {
                        ordered.Add(name);
                    }
                }
            }

            Names = [.. ordered];
            _set = seen.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Gets the channels in the order the tiers name them.</summary>
        internal ImmutableArray<string> Names { get; }

        /// <summary>Whether a tier names the channel (ignoring case).</summary>
        internal bool Contains(string channel) => _set.Contains(channel);
    }
}
