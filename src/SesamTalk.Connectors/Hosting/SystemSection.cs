using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
    /// <summary>Adds the instance's token store from <paramref name="section"/>, unless the host registered one under its name first.</summary>
    /// <param name="services">The host's service collection.</param>
    /// <param name="name">The instance's name.</param>
    /// <param name="section">The instance's section.</param>
    /// <param name="inFile">The file store as the system's store type.</param>
    /// <param name="inMemory">The system's in-memory store of the configured token, with the advice to give when it is refused.</param>
    public static void AddStore<TStore>(IServiceCollection services, string name, IConfiguration section, Func<RefreshTokenFile, TStore> inFile, Func<string?, string, TStore> inMemory)
        where TStore : class
    {
        var path = SettingsPath.Of(section);
        services.TryAddKeyedSingleton(name, (_, _) =>
            section["RefreshTokenFile"] is { Length: > 0 } file
                ? inFile(new RefreshTokenFile(file, section["RefreshToken"], $"{path}:RefreshToken"))
                : inMemory(section["RefreshToken"], $"Put the new refresh token in {path}:RefreshToken and restart; set {path}:RefreshTokenFile to keep the tokens it rotates to across restarts."));
    }

    /// <summary>Whether the section holds a refresh token, or a file of one.</summary>
    public static bool IsSet(IConfiguration section) =>
        section["RefreshToken"] is { Length: > 0 } || (section["RefreshTokenFile"] is { Length: > 0 } file && File.Exists(file));

    /// <summary>
    /// Stops the start when the instance needs a token store (<paramref name="needed"/>) and none is registered under its
    /// name: with the <c>Action</c> overloads the host registers its own.
    /// </summary>
    public static void RequireStore<TStore, TOptions>(OptionsBuilder<TOptions> options, string name, Func<TOptions, bool> needed)
        where TStore : class
        where TOptions : class =>
        options.Validate<IServiceProvider>(
            (settings, provider) => !needed(settings) || provider.GetKeyedService<TStore>(name) is not null,
            $"{name} has no {typeof(TStore).Name}: register one under its name, e.g. services.AddKeyedSingleton<{typeof(TStore).Name}>(\"{name}\", store), or add {name} from a configuration section with RefreshToken.");
}
