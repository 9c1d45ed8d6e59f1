using SlaEngine.Diagnostics;

namespace SlaEngine.Import.Tests;

/// <summary>Runs an import over in-memory CSV text and keeps what it reported.</summary>
internal sealed class Import
{
    public List<ImportedLead> Leads { get; } = [];

    public List<Diagnostic> Warnings { get; } = [];

    public ImportSummary Summary { get; private set; } = null!;

    public static ImportMap Map(string yaml)
    {
        var result = ImportMapLoader.TryLoad(yaml);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Map;
    }

    public static Import Run(string mapYaml, string leads, string? touches = null, string? events = null, int leadsPerBatch = 16_384) =>
        Run(Map(mapYaml), CsvSource.FromText("leads.csv", leads), touches is null ? null : CsvSource.FromText("touches.csv", touches), events is null ? null : CsvSource.FromText("events.csv", events), leadsPerBatch);

    public static Import Run(ImportMap map, CsvSource leads, CsvSource? touches = null, CsvSource? events = null, int leadsPerBatch = 16_384)
    {
        var import = new Import();
        using var reader = LeadCsvReader.Create(map, leads, touches, events, new LeadCsvReaderOptions { OnWarning = import.Warnings.Add, LeadsPerBatch = leadsPerBatch });
        import.Leads.AddRange(reader.ReadLeads());
        import.Summary = reader.Summary;
        return import;
    }
}
