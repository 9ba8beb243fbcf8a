namespace SesamTalk;

/// <summary>Runs every entity of a model, for hosts and schedulers that do not hold the generated client.</summary>
public static class SyncEngineExtensions
{
    /// <summary>Runs one cycle of every flow of every entity in <paramref name="model"/>, referenced entities first.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="model">The generated model.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run at the next checkpoint.</param>
    public static async Task<SyncReport> SyncAllAsync(this ISyncEngine engine, ISyncModel model, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = engine ?? throw new ArgumentNullException(nameof(engine));
        var entities = (model ?? throw new ArgumentNullException(nameof(model))).Entities;
        var reports = new List<SyncReport>();
        foreach (var entity in entities)
        {
            reports.Add(await entity.SyncAsync(run, progress, cancellationToken).ConfigureAwait(false));
        }

        return SyncReport.Combine(reports);
    }
}
