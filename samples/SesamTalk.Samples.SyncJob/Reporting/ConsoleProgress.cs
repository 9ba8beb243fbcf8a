namespace SesamTalk.Samples.SyncJob.Reporting;

/// <summary>
/// Writes a line when a flow starts and one when it is done, synchronously, so the lines come in the order the engine
/// reports them.
/// </summary>
/// <param name="output">Where the lines go.</param>
/// <param name="host">The host whose flows report.</param>
internal sealed class ConsoleProgress(TextWriter output, string host) : IProgress<SyncProgress>
{
    private (string Entity, SyncTarget Target)? _current;

    public void Report(SyncProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var flow = (value.Entity, value.Target);
        if (_current != flow)
        {
            _current = flow;
            Write(value, "syncing");
        }

        if (value.Stage == SyncStage.Done)
        {
            Write(value, $"done, {value.Processed} processed");
        }
    }

    private void Write(SyncProgress value, string what)
    {
        output.WriteLine($"  {host} {value.Entity} - {value.Target.System} {value.Target.Type}: {what}");
        output.Flush();
    }
}
