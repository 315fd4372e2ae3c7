using OpenMetrics.Core.Storage;

namespace OpenMetrics.Core.Identity;

/// <summary>
/// The column <c>DroppedProps</c> of a profile or session row: the keys whose last writes the <see cref="ProfileCap"/>
/// left out, as <c>{"count":n,"keys":[...]}</c> with at most the first <see cref="MaxNamed"/> keys named, so that an
/// operator (and the user's export) can see that the profile is full. Replaced by each call that drops something.
/// </summary>
public static class DroppedProps
{
    public const string Column = "DroppedProps";

    public const int MaxNamed = 20;

    public static string Describe(IReadOnlyList<string> keys) => StoredJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("count", keys.Count);
        writer.WriteStartArray("keys");
        foreach (var key in keys.Take(MaxNamed))
        {
            writer.WriteStringValue(key);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
