using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesamTalk.Connectors.Http;

namespace SesamTalk.Connectors.Hosting;

/// <summary>What a system's registration reads from its configuration section beyond its options: where it is, and the refresh token.</summary>
internal static class SettingsPath
{
    /// <summary>The section's path, e.g. <c>SesamTalk:Salesforce</c>, to name a missing setting by.</summary>
    public static string Of(IConfiguration section) => section is IConfigurationSection named ? named.Path : "SesamTalk";
}

/// <summary>
/// The refresh token of a system that rotates it (Exact Online, SuperOffice): from the section's <c>RefreshToken</c>
/// and, once rotated, from <c>RefreshTokenFile</c> when that is set; or from the token store the host registered under
/// the instance's name.
/// </summary>
internal static class RefreshTokenSettings
{
    /// <summary>
    /// Adds the instance's token store. When its options come from a section: the store of the section's refresh token
    /// (unless the host registered one under its name first), which must be set when the instance needs a store
    /// (<paramref name="needed"/>); and for every instance that needs one, a stop at start when none is registered
    /// under its name, as with options set in code, where the host registers its own.
    /// </summary>
    /// <param name="instance">The instance.</param>
    /// <param name="needed">Whether the instance's settings need a token store.</param>
    /// <param name="what">What to put in a missing <c>RefreshToken</c> setting.</param>
    /// <param name="inFile">The file store as the system's store type.</param>
    /// <param name="inMemory">The system's in-memory store of the configured token, with the advice to give when it is refused.</param>
    public static void AddStore<TStore, TOptions>(SystemInstance<TOptions> instance, Func<TOptions, bool> needed, string what, Func<RefreshTokenFile, TStore> inFile, Func<string?, string, TStore> inMemory)
        where TStore : class
        where TOptions : class, IRetrySettings
    {
        var name = instance.Name;
        if (instance.Source.Section is { } section)
        {
            var path = SettingsPath.Of(section);
            instance.Services.TryAddKeyedSingleton(name, (_, _) =>
                section["RefreshTokenFile"] is { Length: > 0 } file
                    ? inFile(new RefreshTokenFile(file, section["RefreshToken"], $"{path}:RefreshToken"))
                    : inMemory(section["RefreshToken"], $"Put the new refresh token in {path}:RefreshToken and restart; set {path}:RefreshTokenFile to keep the tokens it rotates to across restarts."));
            instance.Services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(name, settings =>
                new RequiredSettings(path).Require(!needed(settings) || IsSet(section), "RefreshToken", what).Result()));
        }

        instance.Services.AddOptions<TOptions>(name).Validate<IServiceProvider>(
            (settings, provider) => !needed(settings) || provider.GetKeyedService<TStore>(name) is not null,
            $"{name} has no {typeof(TStore).Name}: register one under its name, e.g. services.AddKeyedSingleton<{typeof(TStore).Name}>(\"{name}\", store), or add {name} from a configuration section with RefreshToken.");
    }

    /// <summary>Whether the section holds a refresh token, or a file of one.</summary>
    private static bool IsSet(IConfiguration section) =>
        section["RefreshToken"] is { Length: > 0 } || (section["RefreshTokenFile"] is { Length: > 0 } file && File.Exists(file));
}
