using System.Buffers.Text;
using System.Text;

namespace OpenMetrics.Core.Query.People;

/// <summary>
/// The <c>next</c>/<c>before</c> cursor of a timeline: the position of the last event a page showed, so that the next
/// page starts right after it however many events arrived meanwhile (newer events sort before it, never into the
/// next page). Opaque to clients: a version byte and the position, Base64url.
/// </summary>
public static class TimelineCursor
{
    private const byte Version = 1;

    public static string Encode(TimelinePosition position)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(position.Ts.UtcTicks);
            writer.Write(position.ReceivedAt.UtcTicks);
            writer.Write(position.Seq);
            writer.Write(position.SessionId);
            writer.Write(position.EventId);
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <exception cref="QueryException">The text is not a cursor this API gave out (400, field <c>before</c>).</exception>
    public static TimelinePosition Decode(string cursor)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(Base64Url.DecodeFromChars(cursor)), Encoding.UTF8);
            if (reader.ReadByte() != Version)
            {
                throw new FormatException("unknown cursor version");
            }

            var position = new TimelinePosition(
                new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
                new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
                reader.ReadInt32(),
                reader.ReadString(),
                reader.ReadString());
            return reader.BaseStream.Position == reader.BaseStream.Length ? position : throw new FormatException("trailing bytes");
        }
        catch (Exception exception) when (exception is FormatException or EndOfStreamException or ArgumentOutOfRangeException or DecoderFallbackException)
        {
            throw new QueryException("'before' is not a cursor this API gave out; pass the 'next' of the previous page.", "before");
        }
    }
}
