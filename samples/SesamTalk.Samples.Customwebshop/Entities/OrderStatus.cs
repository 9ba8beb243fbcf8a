namespace SesamTalk.Samples.Customwebshop;

/// <summary>Where a webshop order stands; Customcrm's order status picklist uses the same names.</summary>
public enum OrderStatus
{
    /// <summary>Placed, not yet confirmed.</summary>
    Open,

    /// <summary>Confirmed (a sold SuperOffice sale).</summary>
    Confirmed,

    /// <summary>Shipped to the customer.</summary>
    Shipped,

    /// <summary>Cancelled (a lost SuperOffice sale).</summary>
    Cancelled,
}
