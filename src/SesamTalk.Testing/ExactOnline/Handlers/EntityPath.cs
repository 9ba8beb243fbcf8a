using System.Text.RegularExpressions;
using SesamTalk.Testing.ExactOnline.Http;

namespace SesamTalk.Testing.ExactOnline.Handlers;

/// <summary>The last path segment of a REST URL: an entity set (<c>Accounts</c>) or one entity (<c>Accounts(guid'…')</c>).</summary>
internal static partial class EntityPath
{
    /// <summary>Splits the segment into the set name and the key text inside the parentheses, if any.</summary>
    public static (string Name, string? Key) Split(string segment)
    {
        var open = segment.IndexOf('(', StringComparison.Ordinal);
        return open < 0 || !segment.EndsWith(')') ? (segment, null) : (segment[..open], segment[(open + 1)..^1]);
    }

    /// <summary>Parses <c>guid'…'</c>; anything else is the 400 OData gives for a bad key literal.</summary>
    public static Guid ParseKey(string key)
    {
        var match = GuidKey().Match(key);
        return match.Success && Guid.TryParse(match.Groups[1].Value, out var guid)
            ? guid
            : throw ApiException.BadRequest($"Bad Request - Error in query syntax. The key value '{key}' is not a valid Edm.Guid literal.");
    }

    [GeneratedRegex(@"^guid'([^']*)'$")]
    private static partial Regex GuidKey();
}
