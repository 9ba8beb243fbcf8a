using System.Globalization;

namespace SesamTalk.Testing.ExactOnline.Http;

/// <summary>
/// The <c>error.message.value</c> texts. No verbatim Exact error body was recorded (see the fixtures README): the
/// parser and query texts follow WCF Data Services, which serves Exact's OData v2; the business-rule texts are
/// modelled on Exact's "Mandatory: …" style. Clients should read the value, not match it.
/// </summary>
internal static class ExactMessages
{
    public const string Unauthorized = "This request is unauthorized.";

    public const string WrongDivision = "Forbidden - WrongDivision";

    public const string TooManyRequests = "API rate limit exceeded.";

    public const string ServerError = "An unexpected error occurred. Please try again later.";

    public const string Unavailable = "The service is temporarily unavailable. Please try again later.";

    public static string UnknownProperty(string name, string modelType) =>
        $"Error processing request stream. The property name '{name}' specified for type '{modelType}' is not valid.";

    public static string InvalidValue(string name, string edmType, string raw) =>
        $"Error processing request stream. The value '{raw}' of property '{name}' is not a valid {edmType}.";

    public static string InvalidBody => "Error processing request stream. The request body is not a valid JSON object.";

    public static string ReadOnly(string name) => $"The property '{name}' is read-only and cannot be set.";

    public static string Mandatory(string name) => $"Mandatory: {name}";

    public static string TooLong(string name, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: Value is too long (maximum length {max}).");

    public static string NotFoundReference(string name, Guid value) => $"{name}: Record not found ({value}).";

    public static string Duplicate(string name, string value) => $"{name}: '{value.Trim()}' already exists.";

    public static string NotFoundSegment(string segment) => $"Resource not found for the segment '{segment}'.";

    public static string NoProperty(string name, string modelType, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"No property '{name}' exists in type '{modelType}' at position {position}.");

    public static string Syntax(string detail, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"Syntax error '{detail}' at position {position}.");

    public static string Incompatible(string op, string left, string right, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"Operator '{op}' incompatible with operand types '{left}' and '{right}' at position {position}.");

    public static string SyncFilter => "Only the filter 'Timestamp gt {value}' is allowed on this endpoint.";

    public static string LinesOnUpdate(string lines) => $"{lines} cannot be changed through the header; use the {lines} endpoint.";

    public static string CompletedOrder => "A complete sales order can no longer be changed.";

    public static string NotSupported(string method) => $"The method '{method}' is not supported on this resource.";

    public static string InvalidCallback(string url) => $"CallbackURL: '{url}' is not a valid URL.";

    public static string UnknownTopic(string topic) => $"Topic: '{topic}' is not a webhook topic.";

    public static string DuplicateSubscription(string topic) => $"A subscription for topic '{topic}' with this CallbackURL already exists.";
}
