namespace SesamTalk.Samples.Customwebshop;

/// <summary>Ids of the demo Salesforce org that the webshop's mappings need as constants.</summary>
internal static class SalesforceOrg
{
    /// <summary>
    /// The org's standard price book (<c>SELECT Id FROM Pricebook2 WHERE IsStandard = true</c>). Salesforce order
    /// products need a price book entry, and a product must be in the standard book before it can be sold; a real
    /// host puts its own org's id here.
    /// </summary>
    public const string StandardPricebookId = "01s5g00000Abc1dAAB";
}
