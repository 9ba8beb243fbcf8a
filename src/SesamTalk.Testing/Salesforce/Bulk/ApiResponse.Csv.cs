using Microsoft.AspNetCore.Http;

namespace SesamTalk.Testing.Salesforce.Http;

/// <summary>CSV answers: Bulk API 2.0 results are CSV files, not JSON.</summary>
internal sealed partial record ApiResponse
{
    /// <summary>A CSV body sent instead of JSON, or null.</summary>
    public string? Text { get; init; }

    /// <summary>The content type of CSV results.</summary>
    public string TextContentType => "text/csv; charset=UTF-8";

    /// <summary>HTTP 200 with a CSV body.</summary>
    public static ApiResponse Csv(string csv, IReadOnlyDictionary<string, string>? headers = null) =>
        new(StatusCodes.Status200OK, null, headers) { Text = csv };

    /// <summary>HTTP 201 without a body (an accepted upload).</summary>
    public static ApiResponse Created { get; } = new(StatusCodes.Status201Created, null);
}
