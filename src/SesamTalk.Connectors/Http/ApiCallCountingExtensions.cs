using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SesamTalk.Connectors.Http;

/// <summary>Adds API-call counting to a typed client's pipeline.</summary>
internal static class ApiCallCountingExtensions
{
    /// <summary>Registers the client's <see cref="ApiCallCounter{TClient}"/> and counts every call at the wire (add it last).</summary>
    public static IHttpClientBuilder AddApiCallCounting<TClient>(this IHttpClientBuilder builder)
    {
        builder.Services.TryAddSingleton<ApiCallCounter<TClient>>();
        return builder.AddHttpMessageHandler(provider => new ApiCallCountingHandler<TClient>(provider.GetRequiredService<ApiCallCounter<TClient>>()));
    }
}
