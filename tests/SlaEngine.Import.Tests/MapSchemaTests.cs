using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SlaEngine.Import.Tests;

/// <summary>docs/schema/slaengine-map.schema.json: the samples satisfy it, and it accepts and rejects what the loader does.</summary>
public sealed class MapSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "schema", "slaengine-map.schema.json"))));

    public static TheoryData<string> SampleMaps() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "import"), "*.map.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(AppContext.BaseDirectory, f)).Order(StringComparer.Ordinal));

    [Fact]
    public void SampleMaps_Exist()
    {
        Assert.True(SampleMaps().Count >= 2);
    }

    [Theory]
    [MemberData(nameof(SampleMaps))]
    public void SampleMap_SatisfiesTheSchema_AndLoads(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, relativePath);

        Assert.Empty(Check(File.ReadAllText(path)));
        Assert.True(ImportMapLoader.TryLoadFile(path).Success);
    }

    [Fact]
    public void DocumentedMap_SatisfiesTheSchema()
    {
        Assert.Empty(Check(MapLoaderTests.SpecMap));
    }

    [Theory]
    [InlineData("zone: UTC\n")]                                                                    // leads is required
    [InlineData("zone: UTC\nleads: { }\n")]                                                       // id is required
    [InlineData("zone: UTC\nleads: { id: Id }\nmapping: x\n")]                                    // unknown top-level key
    [InlineData("leads: { id: Id, mql_date: D }\n")]                                              // unknown leads key
    [InlineData("leads: { id: Id, attributes: { n: { column: N, type: integer } } }\n")]          // attribute type enum
    [InlineData("leads: { id: Id, attributes: { n: { column: N, format: x } } }\n")]              // unknown column key
    [InlineData("leads: { id: Id, disposition: { outcome: { column: S, values: { Won: won } }, at: D } }\n")] // outcome enum
    [InlineData("leads: { id: Id, disposition: { outcome: S, at: D } }\n")]                       // outcome needs values
    [InlineData("leads: { id: Id }\ntouches: { lead: Id, at: D }\n")]                             // touch channel required
    [InlineData("leads: { id: Id }\nevents: { lead: Id, type: { column: T, zone: UTC }, at: D }\n")] // zone only on date columns
    [InlineData("leads: { id: Id }\ndate_format: []\n")]                                          // empty format list
    public void BrokenMap_FailsTheSchema_AndTheLoader(string yaml)
    {
        Assert.NotEmpty(Check(yaml));
        Assert.False(ImportMapLoader.TryLoad(yaml).Success);
    }

    private static List<string> Check(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value)).DefaultIfEmpty("invalid")];
    }

    // YAML 1.2 core schema, as the loader and editors read plain scalars.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static JsonNode? Plain(string text) => text switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && char.IsDigit(text[^1]) => JsonValue.Create(d),
        _ => JsonValue.Create(text),
    };
}
