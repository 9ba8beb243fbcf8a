using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>Every log line the engine and connectors write, formatted, with its exception, to search for leaks.</summary>
public sealed class CapturedLogs
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public string All => string.Join("\n", _lines);

    internal void Add(string line) => _lines.Enqueue(line);

    /// <summary>How many lines contain <paramref name="text"/>.</summary>
    public int Count(string text) => Lines.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits until <paramref name="condition"/> holds, at most <paramref name="seconds"/>; fails naming <paramref name="what"/>, with every line logged so far, otherwise.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.\n{All}");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Waits until <paramref name="flow"/> (e.g. <c>Part→Salesforce/Product2</c>) finished its first cycle and its target
    /// (<paramref name="target"/>, e.g. <c>Salesforce/Product2</c>) reported live, and the catch-up cycle going live ran
    /// (when the subscription opened after that first cycle began) finished too; returns the flow's cycles by then, the
    /// count a test's later cycles are counted from.
    /// </summary>
    public async Task<int> WaitUntilLiveAndSettledAsync(string flow, string target, int seconds = 20)
    {
        var done = flow + ": cycle done";
        var live = $"SesamTalk notifications for {target} are live";
        var catchUp = $"SesamTalk {flow} runs once more";

        // The catch-up line is written before the live line, so once the target is live their count is final.
        await WaitUntilAsync(() => Count(live) > 0 && Count(done) >= 1 + Count(catchUp), $"{flow}'s first cycle and {target} live", seconds);
        return Count(done);
    }
}

/// <summary>An <see cref="ILogger{T}"/> that writes to <see cref="CapturedLogs"/>.</summary>
public sealed class CapturingLogger<T>(CapturedLogs logs) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        logs.Add($"{logLevel} {typeof(T).Name}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception)}");
}
