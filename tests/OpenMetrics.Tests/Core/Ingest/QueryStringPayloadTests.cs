using OpenMetrics.Core.Ingest;

namespace OpenMetrics.Tests.Core.Ingest;

public sealed class QueryStringPayloadTests
{
    [Theory]
    [InlineData("""?q={"a":"x"}""", "x")]
    [InlineData("""q={"a":"x"}""", "x")]
    [InlineData("""?v=2&q={"a":"x"}""", "x")]
    [InlineData("""?q={"a":"1&2"}""", "1&2")]
    [InlineData("""?q={"a":"1&2&3"}&cb=9""", "1&2&3")]
    [InlineData("""?q={"a":"b=c&q=d"}""", "b=c&q=d")]
    [InlineData("""?q={"a":"1+1"}""", "1+1")]
    [InlineData("""?q={"a":"50%"}""", "50%")]
    [InlineData("?q={%22a%22:%22x%20y%22}", "x y")]
    [InlineData("?q=%7B%22a%22%3A%22x+y%22%7D", "x y")]
    [InlineData("?q=%7B%22a%22%3A%221%2B1%22%7D", "1+1")]
    public void Reads_the_payload_the_way_each_client_writes_it(string query, string expected)
    {
        var read = QueryStringPayload.Read(query);

        Assert.Null(read.Rejection);
        Assert.Equal(expected, read.Payload!.Value.GetProperty("a").GetString());
    }

    [Theory]
    [InlineData("", "q is missing: send the JSON payload as ?q={...}")]
    [InlineData("?x=1", "q is missing: send the JSON payload as ?q={...}")]
    [InlineData("?aq=1", "q is missing: send the JSON payload as ?q={...}")]
    [InlineData("?q=", "q is empty: send the JSON payload as ?q={...}")]
    [InlineData("?q={not json", "q is not valid JSON")]
    [InlineData("?q={\"a\":&x=1", "q is not valid JSON")]
    [InlineData("?q=[1,2]", "q must be a JSON object, not an array")]
    [InlineData("?q=42", "q must be a JSON object, not a number")]
    [InlineData("?q=\"text\"", "q must be a JSON object, not a string")]
    public void Refuses_with_a_reason_that_names_q(string query, string reason)
    {
        var read = QueryStringPayload.Read(query);

        Assert.Null(read.Payload);
        Assert.Equal((400, reason, "q"), (read.Rejection!.Status, read.Rejection.Error, read.Rejection.Field));
    }
}
