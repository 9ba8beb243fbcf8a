using System.Text.Json;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The bulk job log as a directory of JSON files, one per job, each written to a temporary file, flushed to disk and
/// renamed into place, so an entry is either whole or absent after a crash. Entries older than seven days (when
/// Salesforce has deleted the job and its results) are deleted as the log is read.
/// </summary>
public sealed class SalesforceBulkJobDirectory : ISalesforceBulkJobLog, IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (DateTime Written, SalesforceBulkJobEntry Entry)> _read = new(StringComparer.Ordinal);

    /// <summary>Creates the log (the directory is created with the first entry).</summary>
    /// <param name="directory">The directory; a relative path is relative to the working directory.</param>
    /// <param name="time">The clock that dates entries.</param>
    public SalesforceBulkJobDirectory(string directory, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = Path.GetFullPath(directory);
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <inheritdoc />
    public async Task SaveAsync(SalesforceBulkJobEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(_directory);
            var path = PathOf(entry.JobId);
            var temporary = path + ".tmp";
            var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
            await using (stream.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, entry, Json, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            DeleteExpired();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SalesforceBulkJobEntry>> FindAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        var keys = idempotencyKeys as IReadOnlySet<string> ?? new HashSet<string>(idempotencyKeys, StringComparer.Ordinal);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var found = new List<SalesforceBulkJobEntry>();
            if (!Directory.Exists(_directory))
            {
                return found;
            }

            foreach (var path in Directory.EnumerateFiles(_directory, "*.json"))
            {
                if (await ReadAsync(path, cancellationToken).ConfigureAwait(false) is not { } entry)
                {
                    continue;
                }

                if (_time.GetUtcNow() - entry.CreatedAt > Retention)
                {
                    File.Delete(path);
                    _read.Remove(path);
                }
                else if (entry.Rows.Any(row => keys.Contains(row.IdempotencyKey)))
                {
                    found.Add(entry);
                }
            }

            return [.. found.OrderBy(entry => entry.CreatedAt).ThenBy(entry => entry.JobId, StringComparer.Ordinal)];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string jobId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            File.Delete(PathOf(jobId));
            _read.Remove(PathOf(jobId));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Deletes the entries last written longer ago than the retention, without reading them: the log is searched only
    /// for creates that may be repeats, so it is kept short as it is written.
    /// </summary>
    private void DeleteExpired()
    {
        // File times are the file system's, so the real clock (the entries' own dates follow the log's clock).
        var oldest = TimeProvider.System.GetUtcNow().UtcDateTime - Retention;
        foreach (var path in Directory.EnumerateFiles(_directory, "*.json"))
        {
            if (File.GetLastWriteTimeUtc(path) < oldest)
            {
                File.Delete(path);
                _read.Remove(path);
            }
        }
    }

    private string PathOf(string jobId) =>
        Path.Combine(_directory, (jobId.Length > 0 && jobId.All(char.IsAsciiLetterOrDigit) ? jobId : throw new ArgumentException($"'{jobId}' is not a job id.", nameof(jobId))) + ".json");

    /// <summary>An entry, read once per version of its file (another process may have written it).</summary>
    private async Task<SalesforceBulkJobEntry?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var written = File.GetLastWriteTimeUtc(path);
        if (_read.TryGetValue(path, out var known) && known.Written == written)
        {
            return known.Entry;
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var entry = await JsonSerializer.DeserializeAsync<SalesforceBulkJobEntry>(stream, Json, cancellationToken).ConfigureAwait(false);
            if (entry is not null)
            {
                _read[path] = (written, entry);
            }

            return entry;
        }
    }
}
