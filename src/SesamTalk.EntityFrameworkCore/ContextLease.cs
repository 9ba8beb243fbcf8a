using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>A context and the scope that owns it.</summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class ContextLease<TContext>(AsyncServiceScope scope, TContext context) : IAsyncDisposable
    where TContext : DbContext
{
    /// <summary>The context.</summary>
    public TContext Context { get; } = context;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
