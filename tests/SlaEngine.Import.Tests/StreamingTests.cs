namespace SlaEngine.Import.Tests;

/// <summary>Large-ish exports stream: every activity is joined, while the heap stays far below what holding them would take.</summary>
public sealed class StreamingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "slaengine-import-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LargeExport_JoinsEveryActivity_WithBoundedHeap()
    {
        const int leads = 200_000;
        const int touchesPerLead = 3;
        var (leadsPath, touchesPath, eventsPath) = SyntheticExport.WriteFiles(_directory, leads, touchesPerLead);
        var map = Import.Map(MapLoaderTests.SpecMap);
        var temp = Path.Combine(_directory, "tmp");
        Directory.CreateDirectory(temp);

        long peak = 0;
        var count = 0;
        var touches = 0;
        var events = 0;
        string? previous = null;
        var ordered = true;
        using (var reader = LeadCsvReader.Create(map, CsvSource.FromFile(leadsPath), CsvSource.FromFile(touchesPath), CsvSource.FromFile(eventsPath), new LeadCsvReaderOptions { TempDirectory = temp, LeadsPerBatch = 4096 }))
        {
            foreach (var row in reader.ReadLeads())
            {
                Assert.True(row.Success, row.Error?.ToString());
                ordered &= previous is null || string.CompareOrdinal(previous, row.Id) < 0; // the leads file is in id order
                previous = row.Id;
                touches += row.Lead.Touches.Length;
                events += row.Lead.Events.Length;
                if (++count % 25_000 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                    Assert.NotEmpty(Directory.GetDirectories(temp)); // the batches live on disk while leads stream
                }
            }

            Assert.Equal(0, reader.Summary.Warnings);
        }

        Assert.Equal(leads, count);
        Assert.True(ordered);
        Assert.Equal(leads * touchesPerLead, touches);
        Assert.Equal(leads / 2, events);
        Assert.Empty(Directory.GetDirectories(temp)); // disposed: the temporary files are gone

        // Holding 600,000 touches and 200,000 snapshots would take well over 100 MB. The index of ids is ~40 bytes a
        // lead (8 MB here) and one batch of 4,096 leads' activities is about a megabyte.
        Assert.True(peak < 40 * 1024 * 1024, $"peak managed heap {peak / 1024 / 1024} MB");
    }
}
