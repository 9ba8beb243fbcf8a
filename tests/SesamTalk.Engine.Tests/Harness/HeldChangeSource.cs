using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>
/// Holds a host's change sources back until <see cref="Release"/>, as a subscription that takes its time to open (a slow
/// gRPC connect, a webhook registration waiting on the system) would: the background sync runs meanwhile, and the real
/// source subscribes, and reports live, only once released.
/// </summary>
internal sealed class HeldChangeSource
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HeldChangeSource()
    {
    }

    /// <summary>Wraps every change source <paramref name="services"/> registers so far in one hold.</summary>
    public static HeldChangeSource In(IServiceCollection services)
    {
        var hold = new HeldChangeSource();
        var sources = services.Where(service => service.ServiceType == typeof(ISyncChangeSource) && !service.IsKeyedService).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            services.Remove(source);
            services.AddSingleton<ISyncChangeSource>(provider => new Held(Resolve(source, provider), hold._released.Task));
        }

        return hold;
    }

    /// <summary>Lets the held sources subscribe.</summary>
    public void Release() => _released.TrySetResult();

    private static ISyncChangeSource Resolve(ServiceDescriptor source, IServiceProvider provider) =>
        (ISyncChangeSource)(source.ImplementationInstance
            ?? source.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, source.ImplementationType!));

    private sealed class Held(ISyncChangeSource inner, Task released) : ISyncChangeSource
    {
        public string System => inner.System;

        public async Task RunAsync(IReadOnlyCollection<string> remoteTypes, ISyncChangeNotifications notifications, CancellationToken cancellationToken)
        {
            await released.WaitAsync(cancellationToken);
            await inner.RunAsync(remoteTypes, notifications, cancellationToken);
        }
    }
}
