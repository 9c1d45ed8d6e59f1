using BenchmarkDotNet.Attributes;
using CsvHelper;
using nietras.SeparatedValues;
using SlaEngine.Import;
using SlaEngine.Import.Tests;

namespace SlaEngine.Benchmarks;

/// <summary>
/// CSV import: the three CSV libraries in the package mirror reading every field of a touches export (what decided
/// the library), and the whole import of a synthetic export (leads + 3 touches a lead + an event every other lead).
/// Rows/s = rows / mean time; see docs/performance.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ImportBenchmarks
{
    private const string Map = """
        zone: America/New_York
        date_format: M/d/yyyy h:mm tt
        leads:
          id: Lead ID
          mql_at: MQL Date
          attributes:
            employees: { column: No. of Employees, type: number }
            title: Title
            country: Country
          disposition: { outcome: { column: Lead Status, values: { Converted: convert, Recycled: recycle, Nurture: defer } }, at: Status Changed }
        touches:
          lead: Lead ID
          at: Date
          channel: { column: Type, values: { Call: call, Email: email, Voicemail: call } }
          outcome: Call Result
        events:
          lead: Lead ID
          type: { column: Campaign, values: { "Whitepaper 2026": whitepaper_download } }
          at: Responded
        """;

    private string _directory = string.Empty;
    private (string Leads, string Touches, string Events) _files;
    private ImportMap _map = null!;

    /// <summary>Gets or sets the number of leads of the export (3 touches each, an event every other lead).</summary>
    [Params(100_000)]
    public int Leads { get; set; }

    /// <summary>Gets the rows of the export (leads + touches + events), for rows/s.</summary>
    public int Rows => Leads + (3 * Leads) + (Leads / 2);

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "slaengine-import-bench-" + Leads);
        _files = SyntheticExport.WriteFiles(_directory, Leads, 3);
        _map = ImportMapLoader.Load(Map);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Sep 0.17.1: every field of the touches file, unescaped.</summary>
    [Benchmark(Baseline = true)]
    public long Csv_Sep()
    {
        long total = 0;
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(_files.Touches);
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                total += row[i].Span.Length;
            }
        }

        return total;
    }

    /// <summary>Sylvan.Data.Csv 1.4.4: every field of the touches file.</summary>
    [Benchmark]
    public long Csv_Sylvan()
    {
        long total = 0;
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(_files.Touches);
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                total += reader.GetFieldSpan(i).Length;
            }
        }

        return total;
    }

    /// <summary>CsvHelper 34.0.0: every field of the touches file.</summary>
    [Benchmark]
    public long Csv_CsvHelper()
    {
        long total = 0;
        using var reader = CsvReader.FromFile(_files.Touches, new CsvReaderOptions { Separator = ',' });
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                total += reader.GetSpan(i).Length;
            }
        }

        return total;
    }

    /// <summary>The whole import: index, joined activities, snapshots (no JSON).</summary>
    [Benchmark]
    public int Import_Snapshots()
    {
        var count = 0;
        using var reader = LeadCsvReader.Create(_map, CsvSource.FromFile(_files.Leads), CsvSource.FromFile(_files.Touches), CsvSource.FromFile(_files.Events));
        foreach (var row in reader.ReadLeads())
        {
            count += row.Success ? 1 : 0;
        }

        return count;
    }

    /// <summary>The whole import written as JSONL, as <c>slaengine import</c> does.</summary>
    [Benchmark]
    public long Import_Jsonl()
    {
        using var output = new System.Text.Json.Utf8JsonWriter(Stream.Null, LeadSnapshotJson.WriterOptions);
        using var reader = LeadCsvReader.Create(_map, CsvSource.FromFile(_files.Leads), CsvSource.FromFile(_files.Touches), CsvSource.FromFile(_files.Events));
        foreach (var row in reader.ReadLeads())
        {
            LeadSnapshotJson.Write(output, row);
            output.Flush();
            output.Reset(Stream.Null);
        }

        return output.BytesCommitted;
    }
}
