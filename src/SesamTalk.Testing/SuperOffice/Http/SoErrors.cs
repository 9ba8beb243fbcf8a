using System.Globalization;

namespace SesamTalk.Testing.SuperOffice.Http;

/// <summary>
/// The <c>ErrorType</c>, <c>ErrorMessage</c> and <c>ErrorSource</c> texts. Only the not-found body is documented
/// (<c>SoNotFoundException</c>, "Contact id 99999 not found"); the other types and texts are modelled on it and on
/// .NET exception names NetServer surfaces. Clients should branch on the HTTP status, not on these texts.
/// </summary>
internal static class SoErrors
{
    public const string Source = "SuperOffice.Services.Implementation";

    public const string NotFound = "SoNotFoundException";

    public const string Validation = "SoValidationException";

    public const string Argument = "ArgumentException";

    public const string Unauthorized = "UnauthorizedAccessException";

    public const string Precondition = "SoPreconditionFailedException";

    public const string Server = "SoServerException";

    public const string UnauthorizedMessage = "Authentication failed: the access token is missing, expired or not for this tenant.";

    public const string PreconditionMessage = "The entity has been modified since the If-Unmodified-Since time.";

    public const string InvalidBody = "The request body is not a valid JSON entity.";

    public static string NotFoundMessage(string entity, int id) => string.Create(CultureInfo.InvariantCulture, $"{entity} id {id} not found");

    public static string Mandatory(string field) => $"The mandatory field '{field}' is empty.";

    public static string InvalidValue(string field, string raw) => $"The value {raw} is not valid for the field '{field}'.";

    public static string MissingReference(string field, string entity, int id) =>
        string.Create(CultureInfo.InvariantCulture, $"{field}: {entity} id {id} not found");

    public static string NotRunning(string state) => $"The tenant is not running (state {state}).";

    public static string ServerError(int status) => string.Create(CultureInfo.InvariantCulture, $"The server could not process the request (HTTP {status}).");
}
