using System.Reflection;
using System.Runtime.CompilerServices;

namespace SlaEngine.Import.Tests;

/// <summary>The package's public types follow the core's rules: sealed or static, immutable outside options.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Package = typeof(LeadCsvReader).Assembly;

    [Fact]
    public void PublicClasses_AreSealedOrStatic()
    {
        var open = Package.GetExportedTypes().Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed)).Select(t => t.FullName).ToList();

        Assert.True(open.Count == 0, "Unsealed public classes: " + string.Join(", ", open));
    }

    [Fact]
    public void PublicTypes_HaveNoPublicSettersOutsideOptions()
    {
        var mutable = Package.GetExportedTypes()
            .Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                .Select(p => t.Name + "." + p.Name))
            .ToList();

        Assert.True(mutable.Count == 0, "Public setters: " + string.Join(", ", mutable));
    }

    [Fact]
    public void PublicTypes_AreAllInTheRootNamespace()
    {
        Assert.All(Package.GetExportedTypes(), t => Assert.Equal("SlaEngine.Import", t.Namespace));
    }
}
