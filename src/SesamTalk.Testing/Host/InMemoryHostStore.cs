using System.Runtime.CompilerServices;

namespace SesamTalk.Testing.Host;

/// <summary>
/// An <see cref="IHostStore{TEntity}"/> in memory, for tests of host flows: every save and delete gets a strictly
/// later stamp than any before it, so a change made while the engine streams changes always sorts after the cursor
/// the engine is reading at. It keeps the entity objects it is given; edit them through <see cref="SaveAsync"/>.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public sealed class InMemoryHostStore<TEntity> : IHostStore<TEntity>
    where TEntity : class
{
    private readonly Func<TEntity, string> _getId;
    private readonly Action<TEntity, string> _assignId;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, (TEntity? Entity, HostCursor Position)> _records = new(StringComparer.Ordinal);
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;
    private long _nextId;

    /// <summary>Creates the store.</summary>
    /// <param name="getId">Reads an entity's id (empty or null for a new entity).</param>
    /// <param name="assignId">Gives a new entity its id.</param>
    /// <param name="time">The clock for modification stamps; the system clock by default.</param>
    public InMemoryHostStore(Func<TEntity, string?> getId, Action<TEntity, string> assignId, TimeProvider? time = null)
    {
        _getId = entity => getId(entity) ?? string.Empty;
        _assignId = assignId;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The live records, in no particular order.</summary>
    public IReadOnlyList<TEntity> Records
    {
        get
        {
            lock (_gate)
            {
                return _records.Values.Select(r => r.Entity).OfType<TEntity>().ToList();
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<HostChange<TEntity>> GetChangesAsync(HostCursor? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<HostChange<TEntity>> changes;
        lock (_gate)
        {
            changes = _records.Values
                .Where(r => after is not { } cursor || r.Position > cursor)
                .OrderBy(r => r.Position)
                .Select(r => new HostChange<TEntity>(r.Position, r.Entity))
                .ToList();
        }

        foreach (var change in changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return change;
            await Task.Yield();
        }
    }

    /// <inheritdoc />
    public Task<TEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.TryGetValue(id, out var record) ? record.Entity : null);
        }
    }

    /// <inheritdoc />
    public Task<string> SaveAsync(TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        lock (_gate)
        {
            var id = _getId(entity);
            if (id.Length == 0)
            {
                id = (++_nextId).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
                _assignId(entity, id);
            }

            _records[id] = (entity, new HostCursor(NextStamp(), id));
            return Task.FromResult(id);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_records.TryGetValue(id, out var record) && record.Entity is not null)
            {
                _records[id] = (null, new HostCursor(NextStamp(), id));
            }
        }

        return Task.CompletedTask;
    }

    // Strictly increasing, so no write can land at or behind a position already handed out.
    private DateTimeOffset NextStamp()
    {
        var now = _time.GetUtcNow();
        _lastStamp = now > _lastStamp ? now : _lastStamp.AddTicks(1);
        return _lastStamp;
    }
}
