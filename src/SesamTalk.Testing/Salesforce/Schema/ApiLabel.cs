using System.Text;

namespace SesamTalk.Testing.Salesforce.Schema;

/// <summary>
/// Labels for describe. The catalog carries API names only, so a label is made from the name: a custom name loses its
/// <c>__c</c> and turns underscores into spaces (<c>Sync_Key__c</c>: "Sync Key"), a standard one gets a space between
/// its words (<c>BillingCity</c>: "Billing City"). A real org's labels are whatever its admins typed.
/// </summary>
internal static class ApiLabel
{
    public static string Of(string apiName)
    {
        if (apiName.EndsWith("__c", StringComparison.Ordinal))
        {
            return apiName[..^3].Replace('_', ' ');
        }

        var label = new StringBuilder(apiName.Length + 4);
        for (var i = 0; i < apiName.Length; i++)
        {
            var c = apiName[i];
            var wordStart = i > 0 && char.IsAsciiLetterUpper(c)
                && (char.IsAsciiLetterLower(apiName[i - 1]) || (i + 1 < apiName.Length && char.IsAsciiLetterLower(apiName[i + 1]) && char.IsAsciiLetterUpper(apiName[i - 1])));
            if (wordStart)
            {
                label.Append(' ');
            }

            label.Append(c);
        }

        return label.ToString();
    }

    /// <summary>The plural label describe reports as <c>labelPlural</c>.</summary>
    public static string Plural(string apiName)
    {
        var label = Of(apiName);
        return label.EndsWith('s') ? label : label + "s";
    }
}
