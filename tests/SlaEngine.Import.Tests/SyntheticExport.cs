using System.Globalization;
using System.Text;

namespace SlaEngine.Import.Tests;

/// <summary>
/// Writes a synthetic CRM export in the shape of the documented map (leads, touches, events), deterministic for a
/// count. Touches are written in time order across leads, as activity reports are, not grouped by lead. Used by the
/// streaming tests and the import benchmark.
/// </summary>
internal static class SyntheticExport
{
    private static readonly string[] Titles = ["VP Marketing", "\"Director, Sales\"", "CFO", "Head of Growth", "Student", "Account Manager"];
    private static readonly string[] Countries = ["US", "GB", "IE", "DE", "CA"];
    private static readonly string[] Types = ["Call", "Email", "Voicemail"];

    public static void WriteLeads(TextWriter writer, int leads)
    {
        writer.Write("Lead ID,MQL Date,No. of Employees,Title,Country,Lead Status,Status Changed\r\n");
        var text = new StringBuilder();
        for (var i = 0; i < leads; i++)
        {
            var day = 2 + (i % 27); // not 1 November: 1:xx AM happens twice in New York that night
            var minute = i % 600;
            text.Clear();
            text.Append(CultureInfo.InvariantCulture, $"00Q{i:D12},11/{day}/2026 {1 + (minute / 60 % 12)}:{minute % 60:D2} {(i % 2 == 0 ? "AM" : "PM")},{(i * 37) % 5000},{Titles[i % Titles.Length]},{Countries[i % Countries.Length]},");
            text.Append(i % 10 == 0 ? "Converted," + "12/" + (1 + (i % 28)) + "/2026 9:00 AM" : "Open,");
            writer.Write(text);
            writer.Write("\r\n");
        }
    }

    public static void WriteTouches(TextWriter writer, int leads, int perLead)
    {
        writer.Write("Lead ID,Date,Type,Call Result\r\n");
        var rows = (long)leads * perLead;
        for (long r = 0; r < rows; r++)
        {
            var lead = (int)((r * 7919) % leads);
            var day = 2 + (int)(r % 27);
            var minute = (int)(r % 600);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"00Q{lead:D12},11/{day}/2026 {1 + (minute / 60 % 12)}:{minute % 60:D2} PM,{Types[r % Types.Length]},{(r % 4 == 0 ? "Left Voicemail" : string.Empty)}\r\n"));
        }
    }

    public static void WriteEvents(TextWriter writer, int leads)
    {
        writer.Write("Lead ID,Campaign,Responded\r\n");
        for (var i = 0; i < leads; i += 2)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"00Q{i:D12},Whitepaper 2026,10/{1 + (i % 28)}/2026 10:00 AM\r\n"));
        }
    }

    /// <summary>Writes the three files into a directory; returns their paths.</summary>
    public static (string Leads, string Touches, string Events) WriteFiles(string directory, int leads, int touchesPerLead)
    {
        Directory.CreateDirectory(directory);
        var paths = (Path.Combine(directory, "leads.csv"), Path.Combine(directory, "touches.csv"), Path.Combine(directory, "events.csv"));
        using (var w = new StreamWriter(paths.Item1, false, new UTF8Encoding(true), 1 << 16))
        {
            WriteLeads(w, leads);
        }

        using (var w = new StreamWriter(paths.Item2, false, new UTF8Encoding(false), 1 << 16))
        {
            WriteTouches(w, leads, touchesPerLead);
        }

        using (var w = new StreamWriter(paths.Item3, false, new UTF8Encoding(false), 1 << 16))
        {
            WriteEvents(w, leads);
        }

        return paths;
    }
}
