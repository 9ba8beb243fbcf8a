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

    /// <summary>Waits until <paramref name="condition"/> holds, at most 20 s; fails naming <paramref name="what"/>, with every line, otherwise.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.\n{All}");
            await Task.Delay(10);
        }
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
