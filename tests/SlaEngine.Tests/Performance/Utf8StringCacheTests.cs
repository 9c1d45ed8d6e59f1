using System.Text;
using SlaEngine.Evaluation;

namespace SlaEngine.Tests.Performance;

/// <summary>The reader's cache of short strings: shared instances, right text always, bounded under hostile input.</summary>
public sealed class Utf8StringCacheTests
{
    [Fact]
    public void Get_SameBytes_SameInstance()
    {
        var cache = new Utf8StringCache();
        var first = cache.Get("whitepaper_download"u8);
        Assert.Equal("whitepaper_download", first);
        Assert.Same(first, cache.Get(Encoding.UTF8.GetBytes("whitepaper_download")));
        Assert.Equal("é", cache.Get("é"u8));
        Assert.Equal("\uFFFD", cache.Get([0xFF])); // invalid UTF-8 decodes as the reader always did
    }

    [Fact]
    public void Get_ManyDistinctAndCollidingValues_AlwaysTheRightText()
    {
        var cache = new Utf8StringCache();
        for (var i = 0; i < 20_000; i++)
        {
            // Same length, same first and last eight bytes: the hash cannot tell them apart, the comparison does.
            var text = $"aaaaaaaa{i:D6}zzzzzzzz";
            Assert.Equal(text, cache.Get(Encoding.UTF8.GetBytes(text)));
        }

        for (var i = 0; i < 20_000; i++)
        {
            var text = "v" + i;
            Assert.Equal(text, cache.Get(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(text, cache.Get(Encoding.UTF8.GetBytes(text)));
        }
    }
}
