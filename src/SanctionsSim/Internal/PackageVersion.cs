using System.Reflection;

namespace SanctionsSim.Internal;

/// <summary>The library's package version (from git by MinVer at build time, for example 0.2.0-alpha.0.71), without the commit hash.</summary>
internal static class PackageVersion
{
    /// <summary>The version, as recorded in manifests and summaries.</summary>
    public static string Current { get; } =
        typeof(PackageVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(PackageVersion).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";
}
