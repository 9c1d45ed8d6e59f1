using SlaEngine.Evaluation;

namespace SlaEngine.Pictures;

/// <summary>Colours and marker shapes, fixed so pictures look the same everywhere and in print.</summary>
internal static class Palette
{
    internal const string Ink = "#1f2933";
    internal const string Muted = "#616e7c";
    internal const string Grid = "#e4e7eb";
    internal const string Open = "#cfe3f7";
    internal const string OpenStrong = "#6ea8dc";
    internal const string Holiday = "#f3c5c5";
    internal const string Override = "#b7791f";
    internal const string Paused = "#7b8794";
    internal const string SlaStart = "#1d4ed8";
    internal const string At = "#111827";
    internal const string Disposition = "#7c3aed";
    internal const string Warn = "#f6c344";
    internal const string Fired = "#c62828";

    /// <summary>The colour of a milestone status.</summary>
    internal static string Status(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Met => "#2e7d32",
        MilestoneStatus.MetLate => "#e07b00",
        MilestoneStatus.Breached => "#c62828",
        MilestoneStatus.AtRisk => "#d49b00",
        MilestoneStatus.Pending => "#4f6d8a",
        _ => "#9aa5b1",
    };

    /// <summary>The marker of a touch channel: well-known channels have their own shape and colour, others take one by name.</summary>
    internal static ChannelStyle Channel(string channel)
    {
        switch (channel.ToLowerInvariant())
        {
            case "call":
            case "phone":
                return new ChannelStyle(MarkerShape.Circle, "#1565c0");
            case "email":
            case "e-mail":
                return new ChannelStyle(MarkerShape.Square, "#6a1b9a");
            case "voicemail":
                return new ChannelStyle(MarkerShape.TriangleDown, "#00838f");
            case "sms":
            case "text":
                return new ChannelStyle(MarkerShape.Diamond, "#2e7d32");
            case "linkedin":
            case "social":
                return new ChannelStyle(MarkerShape.TriangleUp, "#0277bd");
            default:
                // A stable hash of the name (not string.GetHashCode, which changes per process).
                var hash = 0u;
                foreach (var c in channel)
                {
                    hash = (hash * 31) + c;
                }

                string[] colours = ["#ad1457", "#5d4037", "#455a64", "#827717", "#4527a0", "#00695c"];
                MarkerShape[] shapes = [MarkerShape.Diamond, MarkerShape.TriangleUp, MarkerShape.Square, MarkerShape.TriangleDown];
                return new ChannelStyle(shapes[hash % (uint)shapes.Length], colours[hash % (uint)colours.Length]);
        }
    }
}

/// <summary>The marker shapes of touches.</summary>
internal enum MarkerShape
{
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
}

/// <summary>How a touch channel is drawn.</summary>
internal readonly record struct ChannelStyle(MarkerShape Shape, string Colour);
