using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Benchmarks;

/// <summary>
/// What the ingest function does to one /v1/events call before it reaches the queue: parse the payload, validate it
/// and serialize the queue messages. The baseline parses the same bytes and nothing else, so the ratio says what
/// validation and serialization add to the least any JSON endpoint has to do.
/// </summary>
[MemoryDiagnoser]
public class IngestCallBenchmarks
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly CallValidator _validator = new(new IngestLimits());
    private byte[] _payload = [];

    [Params(1, 50, 1000)]
    public int EventsPerCall { get; set; }

    [GlobalSetup]
    public void Setup() => _payload = SamplePayload.Events(EventsPerCall);

    [Benchmark(Baseline = true, Description = "parse only (baseline)")]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(_payload);
        return document.RootElement.GetProperty("events").GetArrayLength();
    }

    [Benchmark(Description = "parse + validate + serialize")]
    public int ParseValidateSerialize()
    {
        var payload = PayloadJson.Parse(_payload, "body").Payload!.Value;
        var call = _validator.Validate(V1Call.Events, payload, "0193b6f4c0de7a1b9c3d5e7f90123456", ReceivedAt).Call!;
        var messages = IngestMessageBuilder.Build(call);
        return messages.Sum(m => m.Json.Length);
    }
}
