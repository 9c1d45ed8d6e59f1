// Deliberately cyclic namespaces: NamespaceDependencyTests reads this assembly's IL and must report the cycle.
namespace SlaEngine.Tests.Architecture.CycleSample.Left
{
    internal static class Ping
    {
        public static int Run(int n) => n <= 0 ? 0 : 1 + Right.Pong.Run(n - 1);
    }
}

namespace SlaEngine.Tests.Architecture.CycleSample.Right
{
    internal static class Pong
    {
        public static int Run(int n) => n <= 0 ? 0 : 1 + Left.Ping.Run(n - 1);
    }
}
