using System.IO.Compression;
using System.Text;

namespace OpenMetrics.Tests.Cli.Imports;

/// <summary>Hand-made import files in a folder of their own, removed with it.</summary>
internal sealed class ImportFilesOnDisk : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("openmetrics-cli-").FullName;

    /// <summary>
    /// 1,000 Mixpanel lines of 77 bytes each: {"event":"e", (13) "properties":{ (14) "time":1704448800, (18)
    /// "distinct_id":"u1", (19) "n":"0001" (10) }} (2) and the line end (1); 77,000 bytes in all.
    /// </summary>
    public static string MixpanelLines(int count = 1000) => string.Concat(Enumerable.Range(1, count).Select(i =>
        $"{{\"event\":\"e\",\"properties\":{{\"time\":1704448800,\"distinct_id\":\"u1\",\"n\":\"{i:D4}\"}}}}\n"));

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteGzip(string name, string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return Write(name, output.ToArray());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
