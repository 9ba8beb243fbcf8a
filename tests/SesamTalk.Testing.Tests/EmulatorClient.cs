using System.Net.Http.Headers;
using System.Text;

namespace SesamTalk.Testing.Tests;

/// <summary>
/// What every per-test emulator wrapper shares: one emulator per test (so tests run in parallel without sharing data),
/// a plain HttpClient on its base URL with a bearer token, and disposal of both.
/// </summary>
/// <typeparam name="TEmulator">The emulator type.</typeparam>
internal abstract class EmulatorClient<TEmulator> : IAsyncDisposable
    where TEmulator : IAsyncDisposable
{
    protected EmulatorClient(TEmulator emulator, Uri baseUrl, string bearerToken)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = baseUrl };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
    }

    public TEmulator Emulator { get; }

    public HttpClient Http { get; }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>Sends a request with an optional JSON body and extra headers; <paramref name="path"/> is relative to the base URL unless absolute.</summary>
    protected async Task<HttpResponseMessage> SendRequestAsync(HttpMethod method, string path, string? body, (string Name, string Value)[] headers)
    {
        var absolute = path.StartsWith("http://", StringComparison.Ordinal) || path.StartsWith("https://", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(method, absolute ? path : path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Http.SendAsync(request);
    }
}
