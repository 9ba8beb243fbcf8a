using System.ComponentModel.DataAnnotations;
using SesamTalk;

namespace SesamTalk.Consumer;

/// <summary>A supplier of the consumer app, kept as a Customcrm Supplier record.</summary>
[SyncsWith("Customcrm", "Supplier")]
public partial class Supplier
{
    /// <summary>The app's own id.</summary>
    [SyncId]
    public Guid Id { get; set; }

    /// <summary>The VAT number links suppliers that already exist on both sides.</summary>
    [MatchKey]
    [MaxLength(20)]
    public string VatNumber { get; set; } = "";

    /// <summary>The supplier's name.</summary>
    [MaxLength(80)]
    public string Name { get; set; } = "";

    /// <summary>Days to pay an invoice.</summary>
    public int? PaymentTermDays { get; set; }

    /// <summary>The most the app may owe the supplier.</summary>
    public decimal? CreditLimit { get; set; }

    /// <summary>Whether buyers should pick this supplier first (Customcrm calls it IsPreferred).</summary>
    [Field("Customcrm", "IsPreferred")]
    public bool Preferred { get; set; }

    /// <summary>When the framework contract ends.</summary>
    public DateOnly? ContractEnds { get; set; }

    /// <summary>A note that stays in the app.</summary>
    [SyncIgnore]
    public string? InternalNote { get; set; }
}
