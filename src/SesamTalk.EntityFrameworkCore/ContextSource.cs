using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>
/// Opens a short-lived context per store operation (a page read, a save), each in its own service scope, so nothing
/// stays tracked between operations and memory stays flat however many records a cycle reads.
/// </summary>
/// <typeparam name="TContext">The host's context.</typeparam>
internal sealed class ContextSource<TContext>(IServiceScopeFactory scopes)
    where TContext : DbContext
{
    /// <summary>A new scope and its context; dispose it when the operation ends.</summary>
    public ContextLease<TContext> Open()
    {
        var scope = scopes.CreateAsyncScope();
        return new ContextLease<TContext>(scope, scope.ServiceProvider.GetRequiredService<TContext>());
    }
}
