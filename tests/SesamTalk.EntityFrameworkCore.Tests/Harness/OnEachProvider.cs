using Microsoft.Extensions.DependencyInjection;

namespace SesamTalk.EntityFrameworkCore.Tests.Harness;

/// <summary>
/// Tests the store must pass on every provider it is used with: each test class derives one class a provider (a
/// SQLite file; a database of its own on the run's real PostgreSQL server), which says how its host starts.
/// </summary>
public abstract class OnEachProvider
{
    /// <summary>Starts a host app on the provider's database.</summary>
    /// <param name="configure">Registers services before SesamTalk's (a store of the test's own is kept).</param>
    protected abstract Task<EfHost> StartAsync(Action<IServiceCollection>? configure = null);
}
