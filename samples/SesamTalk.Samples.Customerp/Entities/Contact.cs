using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Samples.Customerp;

/// <summary>A contact person in the ERP; Salesforce contacts create ERP contacts.</summary>
[SyncsWith("Salesforce", "Contact", Origin = SyncOrigin.Remote)]
public partial class Contact
{
    /// <summary>The ERP's own id.</summary>
    [SyncId]
    public string Id { get; set; } = "";

    /// <summary>The first name.</summary>
    [MaxLength(40)]
    public string? FirstName { get; set; }

    /// <summary>The last name (required by Salesforce).</summary>
    [MaxLength(80)]
    public string LastName { get; set; } = "";

    /// <summary>The e-mail address; links contacts that already exist on both sides.</summary>
    [MatchKey]
    [MaxLength(80)]
    public string? Email { get; set; }

    /// <summary>The office phone.</summary>
    [MaxLength(40)]
    public string? Phone { get; set; }

    /// <summary>The mobile phone.</summary>
    [MaxLength(40)]
    public string? MobilePhone { get; set; }

    /// <summary>The job title.</summary>
    [MaxLength(128)]
    public string? Title { get; set; }

    /// <summary>The department.</summary>
    [MaxLength(80)]
    public string? Department { get; set; }

    /// <summary>The mailing street.</summary>
    [Field("Salesforce", "MailingStreet")]
    [MaxLength(255)]
    public string? Street { get; set; }

    /// <summary>The mailing postal code.</summary>
    [Field("Salesforce", "MailingPostalCode")]
    [MaxLength(20)]
    public string? PostalCode { get; set; }

    /// <summary>The mailing city.</summary>
    [Field("Salesforce", "MailingCity")]
    [MaxLength(40)]
    public string? City { get; set; }

    /// <summary>The mailing country.</summary>
    [Field("Salesforce", "MailingCountry")]
    [MaxLength(80)]
    public string? Country { get; set; }

    /// <summary>The birth date.</summary>
    public DateOnly? Birthdate { get; set; }
}
