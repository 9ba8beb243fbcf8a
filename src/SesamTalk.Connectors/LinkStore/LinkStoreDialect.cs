using System.Data.Common;

namespace SesamTalk.Connectors.LinkStore;

/// <summary>
/// What one database says differently for the shared link store (<see cref="AdoNetLinkStore"/>): how an instant is
/// stored, how a list travels in one parameter, the batch statements, and a few words of syntax. Everything else,
/// statements included, is written once in the core.
/// </summary>
internal abstract class LinkStoreDialect
{
    /// <summary>The least of two values: <c>MIN</c> in SQLite, <c>LEAST</c> in PostgreSQL.</summary>
    public abstract string Least { get; }

    /// <summary>What follows the lease check in a commit so that no take-over commits before the commit ends (empty when the transaction already shuts writers out).</summary>
    public abstract string LockLeaseRow { get; }

    /// <summary>The condition, joined with <c>AND</c>, that leaves out completed intents (empty when the store has no such column).</summary>
    public abstract string OpenIntentsOnly { get; }

    /// <summary>The parameter value of an instant.</summary>
    public abstract object Time(DateTimeOffset value);

    /// <summary>Reads an instant written with <see cref="Time"/>.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Reads an instant that may be NULL.</summary>
    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    /// <summary>Texts as one parameter value, for <see cref="IsIn"/>: a list of any length in one parameter.</summary>
    public abstract object TextList(IReadOnlyCollection<string> values);

    /// <summary>The condition that <paramref name="column"/> is one of the texts in the <see cref="TextList"/> parameter <paramref name="parameter"/>.</summary>
    public abstract string IsIn(string column, string parameter);

    /// <summary>One statement that inserts all <paramref name="links"/> (with their fingerprints) and skips, without failing, each that is not new.</summary>
    public abstract LinkStoreStatement InsertLinks(IReadOnlyList<QueuedLink> links);

    /// <summary>One statement that replaces the fingerprints and agreed states of the links <paramref name="prints"/> name; it counts the links it changed.</summary>
    public abstract LinkStoreStatement SaveFingerprints(IReadOnlyList<QueuedFingerprints> prints);

    /// <summary>
    /// One statement that inserts an intent for each source id (key <c>keys[i]</c> for <c>sourceIds[i]</c>) with the
    /// flow, <c>@side</c> and <c>@now</c>, and skips each record that already has an open one.
    /// </summary>
    public abstract LinkStoreStatement InsertIntents(IReadOnlyList<string> keys, IReadOnlyList<string> sourceIds);

    /// <summary>
    /// The statements, run in order, that move a flow's hold (<c>@entity</c>, <c>@system</c>, <c>@type</c>) to the
    /// released holds with <c>@because</c> and <c>@now</c> and delete it; the last one counts the holds released.
    /// </summary>
    public abstract IReadOnlyList<string> ReleaseHold { get; }
}

/// <summary>A statement and its parameters.</summary>
/// <param name="Sql">The statement.</param>
/// <param name="Parameters">Its parameters, by name (<c>@x</c>).</param>
internal readonly record struct LinkStoreStatement(string Sql, (string Name, object? Value)[] Parameters);
