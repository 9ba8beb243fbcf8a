using static SesamTalk.Testing.ExactOnline.Schema.ApiOnlySets;

namespace SesamTalk.Testing.ExactOnline.Schema;

/// <summary>
/// The two read-only lists of divisions a client reads before it picks one: <c>hrm/Divisions</c> (Exact's "HRM Divisions"
/// resource, as picqer/exact-php-client's Division model lists its properties) and <c>system/Divisions</c> (SystemDivision,
/// which also has <c>Current</c> and, per the API reference, <c>DivisionMoveDate</c>). Keyed by the division number
/// <c>Code</c> (Edm.Int32). Built by <see cref="ApiOnlySets"/>.
/// </summary>
internal static class DivisionSets
{
    public static EntitySchema Hrm { get; } = new(Entity("Divisions",
        Key("Code"), Field("BlockingStatus", "int"), Field("Country"), Field("CountryDescription"), Field("Created", "datetime"),
        Field("Creator", "guid"), Field("Currency"), Field("CurrencyDescription"), Field("Customer", "guid"), Field("Description"),
        Field("HID", "long"), Field("Main", "boolean"), Field("Modified", "datetime"), Field("Modifier", "guid"), Field("SiretNumber"),
        Field("StartDate", "datetime"), Field("Status", "int"), Field("TaxOfficeNumber"), Field("TaxReferenceNumber"), Field("VATNumber"),
        Field("Website")), "hrm/Divisions", "HRM.Division", null, 0);

    public static EntitySchema System { get; } = new(Entity("SystemDivisions",
        Key("Code"), Field("AddressLine1"), Field("AddressLine2"), Field("AddressLine3"), Field("ChamberOfCommerceNumber"), Field("City"),
        Field("Country"), Field("Created", "datetime"), Field("Currency"), Field("Current", "boolean"), Field("Customer", "guid"),
        Field("CustomerCode"), Field("CustomerName"), Field("Description"), Field("DivisionMoveDate", "datetime"), Field("Email"),
        Field("Hid", "long"), Field("IsMainDivision", "boolean"), Field("Modified", "datetime"), Field("Phone"), Field("Postcode"),
        Field("State"), Field("Status", "int"), Field("VATNumber")), "system/Divisions", "SystemDivision", null, 0, "Exact.Web.Api.System.");
}
