namespace SesamTalk.Generators.Tests.Infrastructure;

/// <summary>Host sources the generator tests share.</summary>
internal static class Sources
{
    public const string Product = """
        using System;
        using System.ComponentModel.DataAnnotations;
        using SesamTalk;

        namespace Shop.Catalog;

        [SyncsWith("Salesforce", "Product2")]
        [SyncsWith("ExactOnline", "Items")]
        [SyncsWith("SuperOffice", "Product", Origin = SyncOrigin.Remote)]
        public partial class Product
        {
            [SyncId] public string Id { get; set; } = "";

            [MatchKey]
            [Field("Salesforce", "ProductCode"), Field("ExactOnline", "Code"), Field("SuperOffice", "Code")]
            [MaxLength(30)]
            public string Sku { get; set; } = "";

            [Field("ExactOnline", "Description")]
            [MaxLength(60)]
            public string Name { get; set; } = "";

            [Field("ExactOnline", "StandardSalesPrice"), Field("SuperOffice", "UnitListPrice")]
            [SyncIgnore("Salesforce")]
            public decimal? Price { get; set; }

            [SyncIgnore("SuperOffice"), SyncIgnore("ExactOnline")]
            public ProductFamily Family { get; set; }

            [SyncIgnore]
            public string Internal { get; set; } = "";
        }

        public enum ProductFamily
        {
            None,
            [PicklistValue("Hardware & Tools")] Hardware,
        }
        """;

    public const string Orders = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using SesamTalk;

        namespace Shop.Sales;

        [SyncsWith("Salesforce", "Account")]
        public partial class Customer
        {
            [SyncId] public int Id { get; set; }
            [MaxLength(255)] public string Name { get; set; } = "";
        }

        [SyncsWith("Salesforce", "Order")]
        [SyncsWith("Salesforce", "Invoice", Origin = SyncOrigin.None)]
        [SyncConstant("Salesforce", "Order", "Status", "Draft")]
        [SyncConstant("Salesforce", "Order", "Pricebook2Id", null)]
        public partial class Order
        {
            [SyncId] public Guid Id { get; set; }

            [References(typeof(Customer))]
            [Field("Salesforce", "AccountId", Type = "Order"), Field("Salesforce", "BillingAccountId", Type = "Invoice")]
            public int? CustomerId { get; set; }

            [Field("Salesforce", "EffectiveDate", Type = "Order")]
            [Field("Salesforce", "InvoiceDate", Type = "Invoice")]
            public DateOnly OrderDate { get; set; }

            [SyncChildren("Salesforce", "OrderItem", Field = "OrderItems", ParentField = "OrderId", ParentType = "Order")]
            [SyncIgnore("Salesforce", Type = "Invoice")]
            public List<OrderLine> Lines { get; } = new();
        }

        [SyncsWith("Salesforce", "OrderItem")]
        public partial class OrderLine
        {
            [SyncId] public long Id { get; set; }
            [References(typeof(Order)), Field("Salesforce", "OrderId")] public string? OrderId { get; set; }
            public string PricebookEntryId { get; set; } = "";
            public double Quantity { get; set; }
            [Field("Salesforce", "UnitPrice")] public decimal Price { get; set; }
        }
        """;

    public const string Conversions = """
        using System;
        using SesamTalk;

        namespace Crm;

        public sealed class PercentConverter : ISyncValueConverter<decimal, decimal?>
        {
            public decimal? ToRemote(decimal value) => value / 100m;
            public decimal ToLocal(decimal? value) => (value ?? 0m) * 100m;
        }

        public static partial class Outer
        {
            [SyncsWith("Customcrm", "Contact", Origin = SyncOrigin.Both)]
            internal partial record Contact
            {
                [SyncId] public string? Id { get; init; }
                public string Email { get; private set; } = "";
                [Field("Customcrm", "Discount", Converter = typeof(PercentConverter), Conflict = ConflictRule.RemoteWins)]
                public decimal DiscountPercent { get; set; }
                [Field("Customcrm", "CreatedAt", Direction = FieldDirection.FromRemote)]
                public DateTimeOffset? Created { get; set; }
                public string Display => Email.ToUpperInvariant();
                public DateTime? LastSeen { get; set; }
                public bool? Active { get; set; }
            }
        }
        """;
}
