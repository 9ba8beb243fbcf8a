using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>
/// Stamps every insert and update of a synced record (and of its children) with a change position and writes a
/// tombstone for every delete, in the same transaction as the host's change. A save without a transaction of the host's
/// gets one here, committed when the save succeeds and rolled back when it fails.
/// </summary>
/// <remarks>
/// <para>
/// With a <see cref="SaveNotifier"/> (the contexts the service provider creates), the records a save stamped are told to
/// the engine when the transaction commits: the interceptor's own, or the host's around several saves; a rolled-back
/// transaction tells nothing.
/// </para>
/// <para>
/// The positions come from the one-row clock table, updated first in the transaction: that row's lock is held until the
/// transaction ends, so stamping transactions commit in the order of their positions and a reader never sees a position
/// while a lower one is still uncommitted. The synchronous <c>SaveChanges</c> runs the same steps and waits for them.
/// </para>
/// </remarks>
internal sealed class ChangeStampInterceptor(TimeProvider time, SaveNotifier? notifier = null) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _owned = [];
    private readonly ConditionalWeakTable<DbContext, List<SyncedChanges>> _uncommitted = [];

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await StampAsync(context, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            StampAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndAsync(eventData.Context, commit: true, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndAsync(eventData.Context, commit: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None);

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None);

    /// <inheritdoc />
    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Committed(eventData.Context) is { } saved)
        {
            await notifier!.NotifyAsync(saved, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Committed(eventData.Context) is { } saved)
        {
            notifier!.NotifyAsync(saved, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc />
    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _uncommitted.Remove(context);
        }
    }

    /// <summary>The records the saves of the committed transaction changed, or null when there is nothing to tell.</summary>
    private List<(string Entity, string Id)>? Committed(DbContext? context)
    {
        if (context is null || !_uncommitted.TryGetValue(context, out var saves))
        {
            return null;
        }

        _uncommitted.Remove(context);
        return saves.SelectMany(changes => changes.Saved()).ToList();
    }

    private async Task StampAsync(DbContext context, CancellationToken cancellationToken)
    {
        var changes = await SyncedChanges.CollectAsync(context, cancellationToken).ConfigureAwait(false);
        if (changes.Count == 0)
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            _owned.AddOrUpdate(context, await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false));
        }

        var first = await StampAllocator.AllocateAsync(context, changes.Count, time.GetUtcNow().UtcTicks, cancellationToken).ConfigureAwait(false);
        changes.Apply(context, first);
        if (notifier is not null)
        {
            _uncommitted.GetOrCreateValue(context).Add(changes);
        }
    }

    /// <summary>Commits or rolls back the transaction this interceptor began for the save, if it began one.</summary>
    private async Task EndAsync(DbContext? context, bool commit, CancellationToken cancellationToken)
    {
        if (context is null || !_owned.TryGetValue(context, out var transaction))
        {
            return;
        }

        _owned.Remove(context);
        await using (transaction.ConfigureAwait(false))
        {
            if (commit)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
