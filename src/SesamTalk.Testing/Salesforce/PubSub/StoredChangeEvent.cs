using System.Buffers.Binary;

namespace SesamTalk.Testing.Salesforce.PubSub;

/// <summary>One change event on the org's event bus.</summary>
/// <param name="Position">Its place in the bus (increasing; the replay id encodes it).</param>
/// <param name="Entity">The object the change is of.</param>
/// <param name="CommittedAt">When the change was committed (the org clock); retention counts from here.</param>
/// <param name="SchemaId">The id of the Avro schema the payload is written with.</param>
/// <param name="Payload">The Avro binary payload.</param>
internal sealed record StoredChangeEvent(long Position, string Entity, DateTimeOffset CommittedAt, string SchemaId, byte[] Payload);

/// <summary>Replay ids as the emulator issues them: opaque to clients, eight bytes holding the bus position, big-endian.</summary>
internal static class ReplayId
{
    public static byte[] Encode(long position)
    {
        var bytes = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, position);
        return bytes;
    }

    /// <summary>The position a replay id stands for, or null when the bytes are no replay id of this org.</summary>
    public static long? Decode(ReadOnlySpan<byte> replayId) =>
        replayId.Length == sizeof(long) && BinaryPrimitives.ReadInt64BigEndian(replayId) is >= 0 and var position ? position : null;
}
