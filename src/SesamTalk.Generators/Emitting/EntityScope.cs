using System;
using System.Collections.Generic;
using SesamTalk.Generators.Helpers;
using SesamTalk.Generators.Model;

namespace SesamTalk.Generators.Emitting;

/// <summary>Opens the namespace, the containing types and the partial entity declaration, and closes them again.</summary>
internal sealed class EntityScope : IDisposable
{
    private readonly Stack<SourceWriter.Block> _blocks = new();

    public EntityScope(SourceWriter writer, EntityHeader entity)
    {
        if (entity.Namespace is not null)
        {
            _blocks.Push(writer.Open("namespace " + entity.Namespace));
        }

        foreach (var outer in entity.ContainingTypes)
        {
            _blocks.Push(writer.Open(outer));
        }

        _blocks.Push(writer.Open(entity.Declaration));
    }

    public void Dispose()
    {
        while (_blocks.Count > 0)
        {
            _blocks.Pop().Dispose();
        }
    }
}
