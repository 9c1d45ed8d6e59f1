using System.Globalization;
using System.Text.Json;

namespace SlaEngine.Samples.LeadGenerator;

/// <summary>
/// Writes realistic synthetic leads for the rank-bands policy: a mix of competitors, bot forms and duplicates,
/// unqualified and nurture-band leads, trigger and score MQLs on every tier and team, reps of varying diligence
/// (quick, slow, never), touches before the SLA start, paused clocks, pinned assignments and dispositions.
/// </summary>
internal sealed class LeadWriter
{
    private static readonly string[] Titles =
    [
        "VP Marketing", "Director of Sales", "Marketing Manager", "Head of Growth", "Chief Revenue Officer",
        "Analyst", "Software Engineer", "Office Manager", "Student", "Operations Lead", "CFO", "Sales Director",
    ];

    private static readonly string[] FirstNames = ["ana", "ben", "chloe", "dev", "eva", "farid", "grace", "hugo", "ines", "jon", "kira", "liam"];

    private static readonly string[] Domains = ["acme.com", "globex.io", "initech.com", "umbrella.co", "hooli.com", "stark.io", "wayne.com", "tyrell.ai"];

    private static readonly string[] Countries = ["US", "US", "US", "US", "US", "US", "CA", "CA", "GB", "GB", "IE", "DE", "FR", "AU"];

    private static readonly string[] Outcomes = ["no_answer", "voicemail", "connected", "sent"];

    private readonly GeneratorOptions _options;
    private readonly Random _random;
    private readonly long _atSeconds;

    internal LeadWriter(GeneratorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _atSeconds = options.At.ToUnixTimeSeconds();
    }

    internal void WriteAll(Stream output)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer);
        for (var n = 0; n < _options.Count; n++)
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            WriteLead(json, _options.First + n);
            json.Flush();
            output.Write(buffer.WrittenSpan);
            output.WriteByte((byte)'\n');
        }
    }

    private static string Format(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Id(int number) => "L-" + number.ToString("D7", CultureInfo.InvariantCulture);

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    private void WriteLead(Utf8JsonWriter json, int number)
    {
        json.WriteStartObject();
        json.WriteString("id", Id(number));

        // Handed to sales on a day of the window, mostly in US office hours (13:00-23:00Z), sometimes at night or at a weekend.
        var day = _random.Next(_options.Days);
        var secondOfDay = Chance(0.8) ? (13 * 3600) + _random.Next(10 * 3600) : _random.Next(24 * 3600);
        var dayStart = _atSeconds - (_atSeconds % 86400) - ((long)day * 86400);
        var mqlAt = Math.Min(dayStart + secondOfDay, _atSeconds);
        var hasMqlAt = Chance(0.95);
        if (hasMqlAt)
        {
            json.WriteString("mql_at", Format(mqlAt));
        }
        else
        {
            mqlAt = _atSeconds;
        }

        WriteAttributes(json, number);
        WriteEvents(json, mqlAt);
        var lastTouch = WriteTouches(json, mqlAt);
        if (Chance(0.04))
        {
            var from = mqlAt + _random.Next(3600, 3 * 86400);
            var to = from + _random.Next(3600, 3 * 86400);
            json.WriteStartArray("paused");
            json.WriteStartObject();
            json.WriteString("from", Format(from));
            json.WriteString("to", Format(to));
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (lastTouch is { } touched && Chance(0.3))
        {
            var at = touched + (long)Exponential(2 * 86400);
            if (at <= _atSeconds || Chance(0.05))
            {
                json.WriteStartObject("disposition");
                var roll = _random.NextDouble();
                json.WriteString("outcome", roll < 0.4 ? "convert" : roll < 0.7 ? "defer" : "recycle");
                json.WriteString("at", Format(at));
                json.WriteEndObject();
            }
        }

        if (Chance(0.03))
        {
            json.WriteStartObject("assigned");
            json.WriteString("tier", Pick(new[] { "platinum", "gold", "silver" }));
            json.WriteString("team", Pick(new[] { "enterprise", "emea", "smb" }));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private void WriteAttributes(Utf8JsonWriter json, int number)
    {
        json.WriteStartObject("attributes");
        if (Chance(0.95))
        {
            // Log-uniform company size, 5 to 5,000 employees.
            json.WriteNumber("employees", (int)Math.Round(5 * Math.Pow(1000, _random.NextDouble())));
        }

        if (Chance(0.92))
        {
            json.WriteNumber("rank", _random.Next(101));
        }

        var timeline = _random.NextDouble();
        if (timeline < 0.06)
        {
            json.WriteString("purchase_timeline", "now");
        }
        else if (timeline < 0.14)
        {
            json.WriteString("purchase_timeline", "1-6 months");
        }
        else if (timeline < 0.34)
        {
            json.WriteString("purchase_timeline", "6-12 months");
        }
        else if (timeline < 0.64)
        {
            json.WriteString("purchase_timeline", "none");
        }

        var pain = _random.NextDouble();
        if (pain < 0.25)
        {
            json.WriteBoolean("pain_with_provider", pain < 0.12);
        }

        var roll = _random.NextDouble();
        var domain = roll < 0.02 ? "rivalcorp.com" : roll < 0.03 ? "othercomp.io" : Pick(Domains);
        json.WriteString("email", Pick(FirstNames) + "." + number.ToString(CultureInfo.InvariantCulture) + "@" + domain);
        json.WriteString("title", Pick(Titles));
        json.WriteString("country", Pick(Countries));
        if (Chance(0.015))
        {
            json.WriteString("honeypot", "http://spam.example/");
        }

        if (number > 1 && Chance(0.02))
        {
            json.WriteString("duplicate_of", Id(_random.Next(Math.Max(1, number - 500), number)));
        }

        json.WriteEndObject();
    }

    private void WriteEvents(Utf8JsonWriter json, long mqlAt)
    {
        var downloads = _random.Next(5);
        var webinars = _random.Next(2) == 0 ? _random.Next(1, 4) : 0;
        if (downloads + webinars == 0)
        {
            return;
        }

        json.WriteStartArray("events");
        for (var i = 0; i < downloads + webinars; i++)
        {
            json.WriteStartObject();
            json.WriteString("type", i < downloads ? "whitepaper_download" : "webinar_attended");
            json.WriteString("at", Format(mqlAt - _random.Next(3600, (i < downloads ? 120 : 45) * 86400)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes the touches a rep made before the snapshot; returns the last one's time.</summary>
    private long? WriteTouches(Utf8JsonWriter json, long mqlAt)
    {
        // Rep diligence: 15% never touch the lead; others make a first touch after an exponential delay
        // (mean 5 hours elapsed) and then follow up every day or so.
        var early = Chance(0.04);
        var count = Chance(0.15) ? 0 : 1 + _random.Next(11);
        if (count == 0 && !early)
        {
            return null;
        }

        json.WriteStartArray("touches");
        long? last = null;
        if (early)
        {
            // A call made before the lead was handed to sales: it never counts toward the SLA.
            last = mqlAt - _random.Next(3600, 5 * 86400);
            WriteTouch(json, "call", last.Value);
        }

        var at = mqlAt + (long)Exponential(5 * 3600);
        for (var i = 0; i < count && at <= _atSeconds; i++)
        {
            WriteTouch(json, i == 0 || Chance(0.65) ? "call" : "email", at);
            last = at;
            at += 600 + (long)Exponential(1.2 * 86400);
        }

        json.WriteEndArray();
        return last;
    }

    private void WriteTouch(Utf8JsonWriter json, string channel, long at)
    {
        json.WriteStartObject();
        json.WriteString("channel", channel);
        json.WriteString("at", Format(at));
        json.WriteString("outcome", channel == "email" ? "sent" : Pick(Outcomes[..3]));
        json.WriteEndObject();
    }
}
