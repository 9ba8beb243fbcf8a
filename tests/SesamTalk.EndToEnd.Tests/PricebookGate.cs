using SesamTalk.Samples.Customwebshop;

namespace SesamTalk.EndToEnd.Tests;

/// <summary>
/// One set of hosts syncs at a time in this process: the webshop's mappings read the org's standard price book from a
/// static (<see cref="SalesforceOrg.StandardPricebookId"/>), so each set sets its own org's before it syncs.
/// </summary>
internal static class PricebookGate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Runs <paramref name="work"/> alone, with the org's price book set first unless <paramref name="pricebookId"/> is null.</summary>
    public static async Task<T> RunAsync<T>(string? pricebookId, Func<Task<T>> work)
    {
        await Gate.WaitAsync();
        try
        {
            if (pricebookId is not null)
            {
                SalesforceOrg.StandardPricebookId = pricebookId;
            }

            return await work();
        }
        finally
        {
            Gate.Release();
        }
    }
}
