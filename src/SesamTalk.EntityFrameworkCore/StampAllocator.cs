using Microsoft.EntityFrameworkCore;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>Hands out change positions from the clock row, inside the caller's transaction.</summary>
internal static class StampAllocator
{
    /// <summary>
    /// Reserves <paramref name="count"/> consecutive positions after the last one handed out and not before
    /// <paramref name="now"/>, and returns the first. The update locks the clock row until the transaction ends, so a
    /// second stamping transaction waits here and is handed later positions, and commits later.
    /// </summary>
    /// <param name="context">The context, inside its transaction.</param>
    /// <param name="count">How many positions (at least 1).</param>
    /// <param name="now">The wall clock in UTC ticks.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <exception cref="InvalidOperationException">The clock row is missing: the migration was not applied.</exception>
    public static async Task<long> AllocateAsync(DbContext context, int count, long now, CancellationToken cancellationToken)
    {
        var clock = context.Set<ChangeClock>();
        var updated = await clock
            .Where(row => row.Id == ChangeClock.RowId)
            .ExecuteUpdateAsync(set => set.SetProperty(row => row.Stamp, row => row.Stamp + 1 > now ? row.Stamp + count : now + count - 1), cancellationToken)
            .ConfigureAwait(false);
        if (updated != 1)
        {
            throw new InvalidOperationException(
                $"The SesamTalk change clock ({SesamTalkSchema.ClockTable}) has no row: apply the migration made after modelBuilder.AddSesamTalk(...), which seeds it.");
        }

        var last = await clock.AsNoTracking().Where(row => row.Id == ChangeClock.RowId).Select(row => row.Stamp).SingleAsync(cancellationToken).ConfigureAwait(false);
        return last - count + 1;
    }
}
