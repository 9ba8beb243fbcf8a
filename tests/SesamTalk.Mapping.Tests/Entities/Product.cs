using System.ComponentModel.DataAnnotations;

namespace SesamTalk.Mapping.Tests.Entities;

[SyncsWith("Salesforce", "Product2")]
[SyncsWith("ExactOnline", "Items", Origin = SyncOrigin.Both)]
[SyncConstant("Salesforce", "Product2", "IsActive", true)]
public partial class Product
{
    [SyncId]
    public Guid Id { get; set; }

    [MatchKey]
    [Field("Salesforce", "ProductCode"), Field("ExactOnline", "Code")]
    [MaxLength(30)]
    public string Sku { get; set; } = "";

    [Field("ExactOnline", "Description")]
    [MaxLength(60)]
    public string Name { get; set; } = "";

    [Field("Salesforce", "Price__c")]
    [Field("ExactOnline", "StandardSalesPrice")]
    public decimal? Price { get; set; }

    [Field("Salesforce", "IsActive"), Field("ExactOnline", "IsSalesItem")]
    public bool Active { get; set; }

    [SyncIgnore("ExactOnline")]
    public ProductFamily Family { get; set; }

    [SyncIgnore("Salesforce")]
    [Field("ExactOnline", "StartDate")]
    public DateOnly? AvailableFrom { get; set; }

    [Field("Salesforce", "LastModifiedDate", Direction = FieldDirection.FromRemote)]
    [SyncIgnore("ExactOnline")]
    public DateTimeOffset? RemoteModifiedAt { get; set; }

    [SyncIgnore]
    public string InternalNote { get; set; } = "";

    /// <summary>Computed: travels to the remote systems only.</summary>
    [SyncIgnore("ExactOnline")]
    [Field("Salesforce", "DisplayName__c")]
    [MaxLength(91)]
    public string DisplayName => Sku + " " + Name;
}

public enum ProductFamily
{
    None,
    [PicklistValue("Hardware & Tools")] Hardware,
    Software,
}
