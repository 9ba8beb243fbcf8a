using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SesamTalk.Connectors.Hosting;

/// <summary>
/// Where a system instance's options come from, as its two registrations take them: a configuration section, bound,
/// whose path names a missing setting; or code, whose missing settings are named by the instance's name.
/// </summary>
/// <typeparam name="TOptions">The system's options.</typeparam>
internal sealed class OptionsSource<TOptions>
    where TOptions : class
{
    private readonly Action<OptionsBuilder<TOptions>> _apply;

    private OptionsSource(Action<OptionsBuilder<TOptions>> apply, IConfiguration? section)
    {
        _apply = apply;
        Section = section;
    }

    /// <summary>The section the options are bound from, or null when code sets them.</summary>
    public IConfiguration? Section { get; }

    /// <summary>Options bound from <paramref name="section"/>.</summary>
    public static OptionsSource<TOptions> Of(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new OptionsSource<TOptions>(options => options.Bind(section), section);
    }

    /// <summary>Options that <paramref name="configure"/> sets.</summary>
    public static OptionsSource<TOptions> Of(Action<TOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return new OptionsSource<TOptions>(options => options.Configure(configure), null);
    }

    /// <summary>Binds or configures the instance's options.</summary>
    public void Apply(OptionsBuilder<TOptions> options) => _apply(options);

    /// <summary>What a missing setting of the instance <paramref name="name"/> is named by: the section's path, or the name.</summary>
    public string PathOf(string name) => Section is null ? name : SettingsPath.Of(Section);
}
