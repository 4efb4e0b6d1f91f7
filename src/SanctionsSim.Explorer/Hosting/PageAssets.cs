using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace SanctionsSim.Explorer.Hosting;

/// <summary>The page's three files, embedded in the assembly (no files on disk to find or to serve by mistake).</summary>
internal static class PageAssets
{
    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static IResult Serve(string name)
    {
        byte[] bytes = Cache.GetOrAdd(name, Read);
        string type = Path.GetExtension(name) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => "text/css; charset=utf-8",
        };
        return Results.Bytes(bytes, type);
    }

    private static byte[] Read(string name)
    {
        using Stream stream = typeof(PageAssets).Assembly.GetManifestResourceStream("Page/" + name)
            ?? throw new InvalidOperationException($"The page file {name} is not embedded in the explorer's assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
