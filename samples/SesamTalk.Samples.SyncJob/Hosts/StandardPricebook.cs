using SesamTalk.Connectors.Salesforce;

namespace SesamTalk.Samples.SyncJob.Hosts;

/// <summary>
/// Reads the Salesforce org's standard price book at the webshop's start, the first call the job makes to Salesforce:
/// a refusal or a failure here becomes a <see cref="SystemStartException"/> that says what to do.
/// </summary>
internal static class StandardPricebook
{
    private const string Query = "SELECT Id FROM Pricebook2 WHERE IsStandard = true";

    /// <summary>The id of the org's standard price book.</summary>
    /// <exception cref="SystemStartException">Salesforce refused the credentials, failed, or shows no standard price book.</exception>
    public static async Task<string> ReadAsync(SalesforceClient salesforce, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var pricebook in salesforce.QueryAsync(Query, cancellationToken).ConfigureAwait(false))
            {
                return pricebook.Id!;
            }
        }
        catch (SalesforceAuthenticationException error)
        {
            throw new SystemStartException(
                $"Salesforce refused the job's credentials at start-up: {error.Message} Set SesamTalk:Salesforce:ClientId and ClientSecret "
                + "(or RefreshToken, or JwtBearer) to the connected app's values, then run the job again.", error);
        }
        catch (Exception error) when (error is SalesforceApiException or HttpRequestException or SyncQuotaExhaustedException)
        {
            throw new SystemStartException(
                $"Salesforce failed at start-up, reading the org's standard price book: {error.Message} Check SesamTalk:Salesforce:LoginUrl "
                + "and that the org is up and has API calls left, then run the job again.", error);
        }

        throw new SystemStartException(
            "Salesforce shows no standard price book (" + Query + "), and the webshop's products and orders cannot be priced without one. "
            + "Give the integration user read access to price books, then run the job again.");
    }
}
