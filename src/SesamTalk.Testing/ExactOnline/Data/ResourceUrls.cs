using System.Globalization;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>The absolute URIs responses carry (<c>__metadata.uri</c>, <c>__deferred.uri</c>, <c>__next</c>).</summary>
internal sealed class ResourceUrls(string baseUrl, int division)
{
    /// <summary>The REST root of the division, e.g. <c>http://127.0.0.1:5123/api/v1/499156/</c>.</summary>
    public string Root { get; } = string.Create(CultureInfo.InvariantCulture, $"{baseUrl}api/v1/{division}/");

    public string BaseUrl => baseUrl;

    public string Collection(EntitySchema schema) => Root + schema.Path;

    public string Entity(EntitySchema schema, Guid key) => $"{Root}{schema.Path}(guid'{key}')";

    public string SyncCollection(EntitySchema schema) => $"{Root}sync/{schema.SyncPath}";

    public static string SyncRow(string collection, long timestamp) => string.Create(CultureInfo.InvariantCulture, $"{collection}({timestamp}L)");
}
