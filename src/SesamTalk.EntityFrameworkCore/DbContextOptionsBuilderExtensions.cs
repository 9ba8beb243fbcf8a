using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SesamTalk.EntityFrameworkCore;

/// <summary>Adds SesamTalk's change stamping to a context's options.</summary>
public static class DbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Stamps every insert and update of a synced record with a change position and writes a tombstone for every
    /// delete, in the same transaction as the save. <c>UseEntityFrameworkCore&lt;TContext&gt;()</c> calls this for the
    /// contexts the service provider creates; call it yourself where the host creates the context by hand. Adding it
    /// twice adds it once.
    /// </summary>
    /// <param name="options">The context's options builder.</param>
    /// <param name="time">The wall clock the positions never fall behind; the system clock by default.</param>
    /// <returns>The options builder.</returns>
    public static DbContextOptionsBuilder UseSesamTalk(this DbContextOptionsBuilder options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return UseStamping(options, new ChangeStampInterceptor(time ?? TimeProvider.System));
    }

    /// <summary>Stamps synced changes; the typed form of <see cref="UseSesamTalk(DbContextOptionsBuilder, TimeProvider?)"/>.</summary>
    /// <typeparam name="TContext">The context.</typeparam>
    /// <param name="options">The context's options builder.</param>
    /// <param name="time">The wall clock the positions never fall behind; the system clock by default.</param>
    /// <returns>The options builder.</returns>
    public static DbContextOptionsBuilder<TContext> UseSesamTalk<TContext>(this DbContextOptionsBuilder<TContext> options, TimeProvider? time = null)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)UseSesamTalk((DbContextOptionsBuilder)options, time);

    /// <summary>Adds <paramref name="interceptor"/> unless the options stamp changes already.</summary>
    internal static DbContextOptionsBuilder UseStamping(DbContextOptionsBuilder options, ChangeStampInterceptor interceptor) =>
        IsStamping(options.Options) ? options : options.AddInterceptors(interceptor);

    /// <summary>Whether the options stamp changes (<see cref="UseSesamTalk(DbContextOptionsBuilder, TimeProvider?)"/> was applied).</summary>
    internal static bool IsStamping(IDbContextOptions options) =>
        options.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<ChangeStampInterceptor>().Any() == true;
}
