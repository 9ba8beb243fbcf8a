using Microsoft.Extensions.DependencyInjection;

namespace SesamTalk.Connectors.Http;

/// <summary>A system's retry settings, as its options carry them.</summary>
internal interface IRetrySettings
{
    /// <summary>How many times a throttled or transiently failed call is retried.</summary>
    int MaxRetries { get; }

    /// <summary>The longest wait between two tries.</summary>
    TimeSpan MaxRetryDelay { get; }

    /// <summary>How long one try may wait for its answer.</summary>
    TimeSpan RequestTimeout { get; }
}

/// <summary>Adds the <see cref="RetryHandler"/> to a client's pipeline.</summary>
internal static class RetryClientBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="RetryHandler"/> with the system's settings and turns off HttpClient's own timeout, which would
    /// cut the whole series of tries short; each try has its own timeout (<see cref="IRetrySettings.RequestTimeout"/>).
    /// </summary>
    public static IHttpClientBuilder AddRetries(this IHttpClientBuilder builder, Func<IServiceProvider, IRetrySettings> settings) =>
        builder
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(provider =>
            {
                var retries = settings(provider);
                return new RetryHandler(retries.MaxRetries, retries.MaxRetryDelay, retries.RequestTimeout, provider.GetRequiredService<TimeProvider>());
            });
}
