using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesamTalk;
using SesamTalk.Connectors.LinkStore;
using SesamTalk.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps the link store in PostgreSQL: <c>services.AddSesamTalk().UsePostgreSqlLinkStore(...)</c>.</summary>
public static class PostgreSqlLinkStoreBuilderExtensions
{
    /// <summary>
    /// Keeps links, cursors, intents, conflicts, quarantine, held flows and leases in the PostgreSQL database that
    /// <c>ConnectionString</c> in <paramref name="section"/> names (e.g. <c>SesamTalk:LinkStore</c>), in the schema
    /// <c>Schema</c> (default <c>sesamtalk</c>), created and migrated when the store is first resolved.
    /// </summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="section">The link store's section.</param>
    public static SesamTalkBuilder UsePostgreSqlLinkStore(this SesamTalkBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return builder.UsePostgreSqlLinkStore(options => section.Bind(options));
    }

    /// <summary>Keeps the link store in PostgreSQL, with the options <paramref name="configure"/> sets.</summary>
    /// <param name="builder">The builder <c>AddSesamTalk()</c> returned.</param>
    /// <param name="configure">Sets the connection string, the schema and, in tests, the clock.</param>
    public static SesamTalkBuilder UsePostgreSqlLinkStore(this SesamTalkBuilder builder, Action<PostgreSqlLinkStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PostgreSqlLinkStoreOptions>()
            .Configure(configure)
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString), "The PostgreSQL link store needs a ConnectionString (SesamTalk:LinkStore:ConnectionString).")
            .ValidateOnStart();

        // Opening migrates the schema; DI factories are synchronous, and this runs once, off any synchronisation context.
        builder.Services.TryAddSingleton<ILinkStore>(services =>
            PostgreSqlLinkStore.OpenAsync(services.GetRequiredService<IOptions<PostgreSqlLinkStoreOptions>>().Value).GetAwaiter().GetResult());
        return builder;
    }
}
