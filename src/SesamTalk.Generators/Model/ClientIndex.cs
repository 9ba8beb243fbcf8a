using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SesamTalk.Generators.Helpers;

namespace SesamTalk.Generators.Model;

/// <summary>
/// The input of the client file: the namespace (from the assembly name) and every entity in dependency order, each
/// with its client member (named by the host or the plural of its name) and whether the client has one.
/// </summary>
internal sealed record ClientIndex(string Namespace, EquatableArray<ClientEntry> Entries)
{
    /// <summary>The entities the typed client has a member for.</summary>
    public IEnumerable<ClientEntry> ClientEntries => Entries.Where(entry => entry.InClient);

    /// <summary>The index of <paramref name="entries"/> (in dependency order) with the members hosts named.</summary>
    public static ClientIndex Build(string ns, EquatableArray<ClientEntry> entries, ImmutableArray<ClientMemberName> names)
    {
        var built = entries.Select(entry => entry with
        {
            Member = names.FirstOrDefault(name => name.FullyQualifiedName == entry.FullyQualifiedName)?.Member ?? entry.Member,
            InClient = !IsChildOnly(entry, entries),
        });
        return new ClientIndex(ns, built.ToEquatableArray());
    }

    /// <summary>Another entity carries <paramref name="entry"/> as child records, as the engine sees order lines.</summary>
    private static bool IsChildOnly(ClientEntry entry, EquatableArray<ClientEntry> entries) =>
        entries.Any(other => other.FullyQualifiedName != entry.FullyQualifiedName && other.ChildEntities.Contains(entry.FullyQualifiedName));
}
