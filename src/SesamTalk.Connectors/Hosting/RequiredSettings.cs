using Microsoft.Extensions.Options;

namespace SesamTalk.Connectors.Hosting;

/// <summary>Collects the settings a system's options lack, each named by its configuration path with what to put there.</summary>
internal sealed class RequiredSettings(string sectionPath)
{
    private readonly List<string> _missing = [];

    /// <summary>Notes <paramref name="setting"/> as missing when <paramref name="isSet"/> is false.</summary>
    public RequiredSettings Require(bool isSet, string setting, string what)
    {
        if (!isSet)
        {
            _missing.Add($"{sectionPath}:{setting} is not set: {what}");
        }

        return this;
    }

    /// <summary>Success, or a failure listing every missing setting.</summary>
    public ValidateOptionsResult Result() => _missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_missing);
}
