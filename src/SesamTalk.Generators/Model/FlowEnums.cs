namespace SesamTalk.Generators.Model;

// The generator's own copies of SesamTalk.SyncOrigin, FieldDirection and ConflictRule. Attribute values are read by
// member name (Parsing/EnumArgument) and emitted by member name, so reordering or renumbering an enum in
// SesamTalk.Abstractions cannot silently change what generated code means.

/// <summary>Which side's new records create records on the other side (<c>SesamTalk.SyncOrigin</c>).</summary>
internal enum Origin
{
    Local,
    Remote,
    Both,
    None,
}

/// <summary>Which way a field's value travels (<c>SesamTalk.FieldDirection</c>).</summary>
internal enum Direction
{
    Both,
    ToRemote,
    FromRemote,
}

/// <summary>How a conflict on a field resolves (<c>SesamTalk.ConflictRule</c>).</summary>
internal enum Conflict
{
    LatestWins,
    LocalWins,
    RemoteWins,
}

/// <summary>What the enums mean to the checks and emitters.</summary>
internal static class FlowEnums
{
    /// <summary>Whether host records create remote records in this flow.</summary>
    public static bool CreatesRemote(this Origin origin) => origin is Origin.Local or Origin.Both;

    /// <summary>Whether remote records create host records in this flow.</summary>
    public static bool CreatesLocal(this Origin origin) => origin is Origin.Remote or Origin.Both;

    /// <summary>Whether the value is written to the remote system.</summary>
    public static bool ToRemote(this Direction direction) => direction != Direction.FromRemote;

    /// <summary>Whether the value is written to the host entity.</summary>
    public static bool FromRemote(this Direction direction) => direction != Direction.ToRemote;
}
