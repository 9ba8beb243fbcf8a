namespace SesamTalk.Samples.SyncJob.Remote;

/// <summary>The configuration sections of the systems, and the setting in each that points the job at a running endpoint.</summary>
public static class SystemSections
{
    /// <summary>Salesforce (<c>SalesforceOptions</c>).</summary>
    public const string Salesforce = "SesamTalk:Salesforce";

    /// <summary>Exact Online (<c>ExactOnlineOptions</c>, plus <c>RefreshToken</c>).</summary>
    public const string ExactOnline = "SesamTalk:ExactOnline";

    /// <summary>SuperOffice (<c>SuperOfficeOptions</c>, plus <c>RefreshToken</c>).</summary>
    public const string SuperOffice = "SesamTalk:SuperOffice";

    /// <summary>The custom system Customcrm (<c>CustomConnectorOptions</c>).</summary>
    public const string Customcrm = "SesamTalk:Custom:" + CustomcrmName;

    /// <summary>The custom system's name, as the webshop's annotations spell it.</summary>
    public const string CustomcrmName = "Customcrm";

    /// <summary>Salesforce's endpoint: the login URL (the instance URL comes with the token).</summary>
    public const string SalesforceEndpoint = Salesforce + ":LoginUrl";

    /// <summary>Exact Online's endpoint: the base URL of the API and of its OAuth endpoints.</summary>
    public const string ExactOnlineEndpoint = ExactOnline + ":BaseUrl";

    /// <summary>SuperOffice's endpoint: the login (SuperID) base URL; the tenant's API URL comes with the token.</summary>
    public const string SuperOfficeEndpoint = SuperOffice + ":LoginBaseUrl";

    /// <summary>Customcrm's endpoint: the base URL of its custom-system contract API.</summary>
    public const string CustomcrmEndpoint = Customcrm + ":BaseUrl";
}
