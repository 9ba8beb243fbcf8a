using System.ComponentModel.DataAnnotations;
using SesamTalk.Samples.Customwebshop.Converters;

namespace SesamTalk.Samples.Customwebshop;

/// <summary>
/// A customer of the webshop. Customers create Salesforce Division, Customcrm Customer and Exact Online Accounts
/// records; SuperOffice contacts create customers.
/// </summary>
/// <remarks>
/// The seed names Salesforce's <c>Division</c>: the platform object that partitions an org's records (Name,
/// IsActive, SortOrder), so a customer syncs its name and active flag there. A Division cannot own an order, yet a
/// Salesforce Order requires an <c>AccountId</c> and an Invoice a <c>BillingAccountId</c>. The webshop therefore
/// also keeps each customer as a Salesforce <c>Account</c> (no seed row; it is what the orders reference): the
/// engine translates <see cref="Order.CustomerId"/> through this customer's Account link, the type the
/// catalog's <c>AccountId</c> refers to.
/// </remarks>
[SyncsWith("Salesforce", "Division")]
[SyncsWith("Salesforce", "Account")]
[SyncsWith("Customcrm", "Customer")]
[SyncsWith("ExactOnline", "Accounts")]
[SyncsWith("SuperOffice", "Contact", Origin = SyncOrigin.Remote)]
[SyncConstant("ExactOnline", "Accounts", "Status", "C")] // A=None, S=Suspect, P=Prospect, C=Customer
public partial class Customer
{
    /// <summary>The webshop's own id.</summary>
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>
    /// The customer number: Exact's account code (at most 18 characters), Salesforce's account number, SuperOffice's
    /// contact code (<c>Number1</c>, which SuperOffice's archive can search, unlike e-mail addresses).
    /// </summary>
    [MatchKey(System = "Salesforce", Type = "Account"), MatchKey(System = "ExactOnline"), MatchKey(System = "SuperOffice")]
    [Field("Salesforce", "AccountNumber"), Field("ExactOnline", "Code"), Field("SuperOffice", "Number1")]
    [SyncIgnore("Salesforce", Type = "Division")]
    [MaxLength(18)]
    public string CustomerNumber { get; set; } = "";

    /// <summary>The company name; a Salesforce Division name holds at most 80 characters.</summary>
    [MatchKey(System = "Salesforce", Type = "Division")]
    [MaxLength(80)]
    public string Name { get; set; } = "";

    /// <summary>The e-mail address; links customers that already exist in Customcrm.</summary>
    [MatchKey(System = "Customcrm")]
    [Field("SuperOffice", "Emails")]
    [SyncIgnore("Salesforce")]
    [MaxLength(80)]
    public string? Email { get; set; }

    /// <summary>The phone number.</summary>
    [Field("SuperOffice", "Phones")]
    [SyncIgnore("Salesforce", Type = "Division")]
    [MaxLength(40)]
    public string? Phone { get; set; }

    /// <summary>The web site.</summary>
    [Field("SuperOffice", "Urls")]
    [SyncIgnore("Salesforce", Type = "Division")]
    [MaxLength(255)]
    public string? Website { get; set; }

    /// <summary>The street address (SuperOffice's structured address is a compound field the API does not flatten).</summary>
    [Field("Salesforce", "BillingStreet"), Field("ExactOnline", "AddressLine1")]
    [SyncIgnore("Salesforce", Type = "Division"), SyncIgnore("SuperOffice")]
    [MaxLength(255)]
    public string? Street { get; set; }

    /// <summary>The postal code.</summary>
    [Field("Salesforce", "BillingPostalCode"), Field("ExactOnline", "Postcode")]
    [SyncIgnore("Salesforce", Type = "Division"), SyncIgnore("SuperOffice")]
    [MaxLength(20)]
    public string? PostalCode { get; set; }

    /// <summary>The city.</summary>
    [Field("Salesforce", "BillingCity")]
    [SyncIgnore("Salesforce", Type = "Division"), SyncIgnore("SuperOffice")]
    [MaxLength(40)]
    public string? City { get; set; }

    /// <summary>The ISO 3166-1 alpha-2 country code: SuperOffice keeps a country id, Exact a padded code.</summary>
    [Field("Salesforce", "BillingCountry")]
    [Field("ExactOnline", "Country", Converter = typeof(ExactCountryConverter))]
    [Field("SuperOffice", "Country", Converter = typeof(SuperOfficeCountryConverter))]
    [SyncIgnore("Salesforce", Type = "Division")]
    [MaxLength(2)]
    public string? CountryCode { get; set; }

    /// <summary>The VAT number (SuperOffice keeps it in <c>OrgNr</c>).</summary>
    [Field("ExactOnline", "VATNumber"), Field("SuperOffice", "OrgNr")]
    [SyncIgnore("Salesforce")]
    [MaxLength(30)]
    public string? VatNumber { get; set; }

    /// <summary>The customer's standard discount in percent (12.5); Exact keeps a fraction.</summary>
    [Field("ExactOnline", "DiscountSales", Converter = typeof(PercentToFractionConverter))]
    [SyncIgnore("Salesforce"), SyncIgnore("SuperOffice")]
    public decimal DiscountPercent { get; set; }

    /// <summary>Whether the customer may order (a Salesforce Division's active flag).</summary>
    [Field("Salesforce", "IsActive", Type = "Division")]
    [SyncIgnore("Salesforce", Type = "Account"), SyncIgnore("ExactOnline"), SyncIgnore("SuperOffice")]
    public bool Active { get; set; } = true;
}
