using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SesamTalk.Generators.Diagnostics;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Validation;

/// <summary>
/// SESAM009: links, cursors and client members are keyed by the entity's class name. Each entity checks its name
/// against the client's entries (names only, so the check reruns only when names change) and the later one by
/// fully qualified name reports the clash at its own declaration.
/// </summary>
internal static class EntityNameCheck
{
    public static IEnumerable<Diagnostic> Diagnostics(ParseResult result, IEnumerable<ClientEntry> entries)
    {
        if (result.Declaration is not { } declaration)
        {
            yield break;
        }

        var first = entries
            .Where(e => e.Name == declaration.Name)
            .OrderBy(e => e.FullyQualifiedName, StringComparer.Ordinal)
            .FirstOrDefault();
        if (first is not null && first.FullyQualifiedName != declaration.FullyQualifiedName)
        {
            yield return Diagnostic.Create(DiagnosticDescriptors.DuplicateEntityName, declaration.Location, first.FullyQualifiedName, declaration.FullyQualifiedName, declaration.Name);
        }
    }
}
