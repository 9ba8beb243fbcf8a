using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>What the typed client's index says about the client before it is emitted.</summary>
/// <param name="Descriptor">The diagnostic.</param>
/// <param name="FullyQualifiedName">The entity it is reported on.</param>
/// <param name="AtMemberName">Whether it is placed on the entity's <c>[SyncClientMember]</c> (else on the entity).</param>
/// <param name="Arguments">The message's arguments.</param>
internal sealed record ClientProblem(DiagnosticDescriptor Descriptor, string FullyQualifiedName, bool AtMemberName, params object[] Arguments)
{
    /// <summary>Whether the client would not compile, so it is not emitted.</summary>
    public bool Blocks => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    /// <summary>Whether another step of the generator reports it already.</summary>
    public bool Reported { get; init; }
}

/// <summary>
/// Checks the typed client's index: entity names that clash (SESAM009, which blocks the client), client members that
/// are not identifiers or that clash (SESAM013), and an internal entity that would make the whole client internal (SESAM010).
/// </summary>
internal static class ClientChecks
{
    /// <summary>The members <c>TalkClient</c> has of its own (and those of <see cref="object"/>): no entity's member may take them.</summary>
    private static readonly string[] OwnMembers =
        { "TalkClient", "SyncAllAsync", "GetConflictsAsync", "GetQuarantineAsync", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize" };

    public static IReadOnlyList<ClientProblem> Find(ClientIndex index)
    {
        var problems = new List<ClientProblem>();

        // Entities that share a name (SESAM009, reported where each is declared) would give the client two members of one name.
        problems.AddRange(index.Entries.GroupBy(entry => entry.Name, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group =>
            new ClientProblem(DiagnosticDescriptors.DuplicateEntityName, group.Last().FullyQualifiedName, false, group.First().FullyQualifiedName, group.Last().FullyQualifiedName, group.Key) { Reported = true }));

        // Entities that share a name share a member too: SESAM009 says so already.
        var named = index.ClientEntries.GroupBy(entry => entry.Name, StringComparer.Ordinal).Where(group => group.Count() == 1).Select(group => group.Single()).ToList();
        foreach (var entry in named)
        {
            if (MemberProblem(entry, named) is { } why)
            {
                problems.Add(new ClientProblem(DiagnosticDescriptors.UnusableClientMember, entry.FullyQualifiedName, true, entry.Member, entry.Name, why));
            }
        }

        if (index.ClientEntries.Any(entry => entry.IsPublic))
        {
            problems.AddRange(index.ClientEntries.Where(entry => !entry.IsPublic).Select(entry => new ClientProblem(
                DiagnosticDescriptors.InternalEntityMakesClientInternal, entry.FullyQualifiedName, false, entry.Name)));
        }

        return problems;
    }

    private static string? MemberProblem(ClientEntry entry, IReadOnlyList<ClientEntry> entries)
    {
        if (!SyntaxFacts.IsValidIdentifier(entry.Member) || SyntaxFacts.GetKeywordKind(entry.Member) != SyntaxKind.None)
        {
            return "it is not a C# identifier";
        }

        if (OwnMembers.Contains(entry.Member))
        {
            return "TalkClient has a member of that name";
        }

        var other = entries.FirstOrDefault(other => other != entry && string.Equals(other.Member, entry.Member, StringComparison.Ordinal));
        return other is null ? null : "'" + other.Name + "' has that member too";
    }

    /// <summary>Places each problem: on the entity's <c>[SyncClientMember]</c> or on the entity's name.</summary>
    public static IEnumerable<Diagnostic> Diagnostics(IReadOnlyList<ClientProblem> problems, IEnumerable<ClientSite> entities, IEnumerable<ClientSite> memberNames)
    {
        var entitySites = Index(entities);
        var memberSites = Index(memberNames);
        foreach (var problem in problems.Where(problem => !problem.Reported))
        {
            var location = (problem.AtMemberName && memberSites.TryGetValue(problem.FullyQualifiedName, out var member) ? member : null)
                ?? (entitySites.TryGetValue(problem.FullyQualifiedName, out var entity) ? entity : Location.None);
            yield return Diagnostic.Create(problem.Descriptor, location, problem.Arguments);
        }
    }

    private static Dictionary<string, Location> Index(IEnumerable<ClientSite> sites)
    {
        var index = new Dictionary<string, Location>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            index[site.FullyQualifiedName] = site.Location;
        }

        return index;
    }
}
