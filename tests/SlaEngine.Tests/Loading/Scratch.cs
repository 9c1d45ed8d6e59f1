using SlaEngine;

namespace SlaEngine.Tests.Loading;

public class Scratch
{
    [Fact]
    public void Dump()
    {
        foreach (var y in new[] { "policy: x\nversion: 1\ncalendars:\n  a:\n    zone: UTC\n    hours: { mon: [09:00-10:00] }\n", "policy: x\nversion: !!int 1\n", "!foo\npolicy: x\n", "policy: x\nversion: 1\n---\npolicy: y\n", "", "# c\n", "a: &a [1,2]\nb: *a\nc: *zz\n" })
        {
            var r = PolicyLoader.TryLoad(y);
            Console.WriteLine("== " + r.Success);
            foreach (var d in r.Diagnostics) Console.WriteLine(d);
        }
    }
}
