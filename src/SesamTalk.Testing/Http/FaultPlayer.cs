using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Faults;

namespace SesamTalk.Testing.Http;

/// <summary>
/// The part of every emulator's request pipeline that plays an injected fault: hold a slow response back, answer a
/// status fault instead of processing, and after processing write the response, drop it or corrupt it.
/// </summary>
internal static class FaultPlayer
{
    /// <summary>Processes the request under <paramref name="fault"/> (none when null) and answers it.</summary>
    /// <param name="http">The exchange.</param>
    /// <param name="fault">The fault taken for this request, or null.</param>
    /// <param name="statusFault">The system's error response for a status fault.</param>
    /// <param name="process">Checks and handles the request (the system's guards and the handler).</param>
    /// <param name="answered">Runs once the response is known, before it is written or dropped.</param>
    public static async Task RunAsync<TResponse>(
        HttpContext http,
        FaultTerms? fault,
        Func<FaultTerms, TResponse> statusFault,
        Func<CancellationToken, Task<TResponse>> process,
        Action? answered = null)
        where TResponse : IEmulatorResponse
    {
        var cancellationToken = http.RequestAborted;
        if (fault?.Action == FaultAction.Slow)
        {
            await Task.Delay(fault.Delay, cancellationToken).ConfigureAwait(false);
        }

        var response = fault?.Action == FaultAction.Status
            ? statusFault(fault)
            : await process(cancellationToken).ConfigureAwait(false);
        answered?.Invoke();
        if (fault?.Action == FaultAction.LoseResponse)
        {
            // The work above is committed; the client only sees the connection go away.
            http.Abort();
            return;
        }

        await ResponseWriter.WriteAsync(http, response, fault?.Action == FaultAction.MalformedBody, cancellationToken).ConfigureAwait(false);
    }
}
