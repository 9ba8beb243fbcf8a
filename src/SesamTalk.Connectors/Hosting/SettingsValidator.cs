using Microsoft.Extensions.Options;

namespace SesamTalk.Connectors.Hosting;

/// <summary>Validates one (optionally named) options instance with a function that names every missing setting.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
internal sealed class SettingsValidator<TOptions>(string? name, Func<TOptions, ValidateOptionsResult> validate) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? optionsName, TOptions options) =>
        name is not null && !string.Equals(name, optionsName, StringComparison.Ordinal) ? ValidateOptionsResult.Skip : validate(options);
}
