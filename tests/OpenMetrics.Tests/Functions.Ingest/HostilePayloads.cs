using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenMetrics.Tests.Functions.Ingest;

/// <summary>
/// Hostile v1 calls by name: the bytes of each body and the route it goes to. What each must get is the same for all
/// (a 4xx or <c>ok</c>, never a 500, and nothing accepted may fail in aggregation), so only the payloads are listed.
/// </summary>
internal static class HostilePayloads
{
    /// <summary>Bodies written as a browser's JSON.stringify writes them: HTML characters unescaped.</summary>
    private static readonly JsonSerializerOptions AsSent = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly IReadOnlyDictionary<string, (string Route, byte[] Body)> All = Build();

    private static Dictionary<string, (string, byte[])> Build()
    {
        var cases = new Dictionary<string, (string, byte[])>();
        void Add(string name, string route, string json) => cases.Add(name, (route, Encoding.UTF8.GetBytes(json)));
        void AddBytes(string name, string route, byte[] body) => cases.Add(name, (route, body));

        // Text that is not Unicode, at every field.
        Add("lone high surrogate in sessionId", "/v1/events", """{"sessionId":"\ud800","events":[{"name":"a"}]}""");
        Add("lone low surrogate in an event name", "/v1/events", """{"sessionId":"s","events":[{"name":"\udfff"}]}""");
        Add("lone surrogate in a props key", "/v1/events", """{"sessionId":"s","events":[{"name":"a","props":{"\ud800":1}}]}""");
        Add("lone surrogate in a nested props value", "/v1/events", """{"sessionId":"s","events":[{"name":"a","props":{"a":["x","\udc00"]}}]}""");
        Add("lone surrogate in an event id", "/v1/events", """{"sessionId":"s","events":[{"name":"a","id":"\ud800"}]}""");
        Add("lone surrogate in an ignored top-level key", "/v1/events", """{"sessionId":"s","\ud800":1,"events":[{"name":"a"}]}""");
        Add("lone surrogate in user props", "/v1/setUserProps", """{"sessionId":"s","props":{"plan":"\ud800"}}""");
        Add("lone surrogate in session props key", "/v1/setSessionProps", """{"sessionId":"s","props":{"\udfff":"x"}}""");
        Add("lone surrogate in a user id", "/v1/setUserId", """{"sessionId":"s","userId":"\ud800"}""");
        Add("lone surrogate in a createUser session", "/v1/createUser", """{"sessionId":"\udbff"}""");
        AddBytes("bytes FF FE inside a string", "/v1/events", Concat("""{"sessionId":"s","events":[{"name":"a"""u8, [0xFF, 0xFE], "\"}]}"u8));
        AddBytes("a surrogate encoded as UTF-8 (ED A0 80)", "/v1/events", Concat("""{"sessionId":"s","events":[{"name":"a"""u8, [0xED, 0xA0, 0x80], "\"}]}"u8));
        AddBytes("an overlong UTF-8 slash (C0 AF) in a session id", "/v1/setSessionProps", Concat("""{"sessionId":"s"""u8, [0xC0, 0xAF], "\",\"props\":{}}"u8));
        AddBytes("a body in UTF-16 with its byte order mark", "/v1/events", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("""{"sessionId":"s","events":[{"name":"a"}]}""")]);
        AddBytes("a UTF-8 byte order mark before the JSON", "/v1/events", [0xEF, 0xBB, 0xBF, .. """{"sessionId":"s","events":[{"name":"a"}]}"""u8]);
        Add("a valid surrogate pair and a noncharacter", "/v1/events", """{"sessionId":"\ud83d\ude00","events":[{"name":"\uffff\ud83d\ude00","props":{"\ud83d\ude00":"\ufffe"}}]}""");

        // Structure.
        Add("10,000 levels of arrays", "/v1/events", new string('[', 10_000) + new string(']', 10_000));
        Add("props nested 64 levels", "/v1/events", """{"sessionId":"s","events":[{"name":"a","props":""" + new string('[', 64) + new string(']', 64) + "}]}");
        Add("duplicate top-level keys", "/v1/events", """{"sessionId":"a","sessionId":"b","events":[{"name":"a"}],"events":[{"name":"b"}]}""");
        Add("duplicate keys in props", "/v1/events", """{"sessionId":"s","events":[{"name":"a","props":{"k":1,"k":"two"}}]}""");
        Add("duplicate keys nested in user props", "/v1/setUserProps", """{"sessionId":"s","props":{"o":{"k":1,"k":2}}}""");
        Add("a bare NaN token", "/v1/events", """{"sessionId":"s","events":[{"name":"a","props":{"v":NaN}}]}""");
        Add("a trailing comma", "/v1/events", """{"sessionId":"s","events":[{"name":"a"},]}""");
        Add("a comment", "/v1/events", """{"sessionId":"s",/* hi */"events":[{"name":"a"}]}""");
        Add("JSON null", "/v1/events", "null");
        Add("a JSON string", "/v1/setUserId", "\"s\"");

        // Numbers.
        Add("the largest double once", "/v1/events", """{"sessionId":"s","events":[{"name":"a","props":{"v":1.7976931348623157e308}}]}""");
        Add("a number beyond double", "/v1/events", """{"sessionId":"s","events":[{"name":"a","props":{"v":1e400,"w":-1e400,"t":1e-400}}]}""");
        Add("a 5,000-digit integer", "/v1/events", """{"sessionId":"s","events":[{"name":"a","props":{"v":""" + new string('9', 5000) + "}}]}");
        Add("NaN-like strings", "/v1/events", """{"sessionId":"s","events":[{"name":"NaN","props":{"v":"NaN","w":"Infinity","x":"-Infinity","y":"-0"}}]}""");
        Add("a huge ts and sentAt", "/v1/events", """{"sessionId":"s","sentAt":1e308,"events":[{"name":"a","ts":-1e308}]}""");
        Add("a user id as a huge number", "/v1/setUserId", """{"sessionId":"s","uid":1e400}""");

        // Wrong types at every field.
        Add("sessionId as an array", "/v1/events", """{"sessionId":["s"],"events":[{"name":"a"}]}""");
        Add("sessionId as an object", "/v1/createUser", """{"sessionId":{"id":"s"}}""");
        Add("events as a string", "/v1/events", """{"sessionId":"s","events":"a"}""");
        Add("an event as an array", "/v1/events", """{"sessionId":"s","events":[["a"]]}""");
        Add("a name as an object", "/v1/events", """{"sessionId":"s","events":[{"name":{"a":1}}]}""");
        Add("a ts as an array", "/v1/events", """{"sessionId":"s","events":[{"name":"a","ts":[1]}]}""");
        Add("an id as a boolean", "/v1/events", """{"sessionId":"s","events":[{"name":"a","id":true}]}""");
        Add("options as a string", "/v1/events", """{"sessionId":"s","events":[{"name":"a","options":"active"}]}""");
        Add("sentAt as an object", "/v1/events", """{"sessionId":"s","sentAt":{},"events":[{"name":"a"}]}""");
        Add("props as a number", "/v1/setSessionProps", """{"sessionId":"s","props":1}""");
        Add("a user id as an array", "/v1/setUserId", """{"sessionId":"s","userId":[1]}""");
        Add("options.active as null", "/v1/createUser", """{"sessionId":"s","options":{"active":null}}""");

        // Key characters and control characters in ids and names (Azure Table keys forbid / \ # ? and controls).
        Add("table key characters in a session id", "/v1/events", """{"sessionId":"a/b\\c#d?e","events":[{"name":"x/y\\z#?","id":"i/\\#?"}]}""");
        Add("control characters in ids and names", "/v1/events", """{"sessionId":"\u0000\u0001\t\n","events":[{"name":"\u007f\u0000","props":{"\u0000":"\u001f"}}]}""");
        Add("table key characters in a user id", "/v1/setUserId", """{"sessionId":"k/s","userId":"u/\\#?\u0000"}""");
        Add("dots and dollars in props keys", "/v1/setUserProps", """{"sessionId":"k/s","props":{"a.b":1,"$set":2,"":3," ":4}}""");

        // Volume and size.
        Add("2,000 tiny events", "/v1/events", Events(2000));
        Add("10,000 tiny events", "/v1/events", Events(10_000));
        Add("45 props of 8,000 plain characters", "/v1/events", PropsEvent(45, new string('x', 8000)));
        Add("45 props of HTML-escaped characters", "/v1/events", PropsEvent(45, Repeat("<a href=\"x\">&'+</a>", 8000)));
        Add("20 props of emoji that the encoder escapes", "/v1/events", PropsEvent(20, string.Concat(Enumerable.Repeat("\ud83d\ude00", 4000))));
        Add("user props of HTML-escaped characters", "/v1/setUserProps", JsonSerializer.Serialize(new { sessionId = "s", props = Props(45, Repeat("&<>", 8000)) }, AsSent));
        return cases;
    }

    private static string Events(int count) =>
        JsonSerializer.Serialize(new { sessionId = "many", events = Enumerable.Range(0, count).Select(i => new { name = "e" }) });

    private static string PropsEvent(int count, string value) =>
        JsonSerializer.Serialize(new { sessionId = "big", events = new[] { new { name = "big", props = Props(count, value) } } }, AsSent);

    private static Dictionary<string, string> Props(int count, string value) => Enumerable.Range(0, count).ToDictionary(i => $"k{i}", _ => value);

    private static string Repeat(string unit, int length) => string.Concat(Enumerable.Repeat(unit, (length / unit.Length) + 1))[..length];

    private static byte[] Concat(ReadOnlySpan<byte> head, byte[] middle, ReadOnlySpan<byte> tail) => [.. head, .. middle, .. tail];
}
