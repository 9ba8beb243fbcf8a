namespace SesamTalk.Samples.Customerp;

/// <summary>A line of an ERP order: a Salesforce order product.</summary>
[SyncsWith("Salesforce", "OrderItem", Origin = SyncOrigin.Remote)]
public partial class OrderLine : ErpLine
{
    /// <summary>The order (Salesforce sets it on create only).</summary>
    [References(typeof(Order))]
    [Field("Salesforce", "OrderId", Direction = FieldDirection.FromRemote)]
    public string OrderId { get; set; } = "";

    /// <summary>The service (delivery) date.</summary>
    public DateOnly? ServiceDate { get; set; }
}
