using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.ExactOnline.Schema;

namespace SesamTalk.Testing.ExactOnline.Webhooks;

/// <summary>
/// Exact's webhook topics. A subscription may name any topic Exact documents (the list picqer/exact-php-client,
/// pionect.nl and Exact's App Center name); the emulator fires the topics of the sets it serves, each named as the set.
/// A line is part of its header, so a line's write fires its header's topic with the header's key.
/// </summary>
internal static class WebhookTopics
{
    private static readonly HashSet<string> Documented = new(StringComparer.Ordinal)
    {
        "Accounts", "BankAccounts", "Contacts", "CostTransactions", "Documents", "FinancialTransactions", "GoodsDeliveries",
        "Items", "PurchaseOrders", "Quotations", "SalesInvoices", "SalesOrders", "StockPositions", "TimeTransactions",
    };

    /// <summary>Whether Exact takes subscriptions for <paramref name="topic"/> (names are case-sensitive).</summary>
    public static bool IsDocumented(string topic) => Documented.Contains(topic);

    /// <summary>
    /// The set whose topic a write of <paramref name="record"/> fires (the set itself, or a line's header set; its name is
    /// the topic) and the key the notification carries, or null when the set has no topic.
    /// </summary>
    public static (EntitySchema Set, Guid Key)? Of(EntityRecord record)
    {
        if (record.Schema.Header is ({ } header, { } foreignKey))
        {
            return (string?)record[foreignKey] is { } headerKey ? (header, Guid.Parse(headerKey)) : null;
        }

        return Documented.Contains(record.Schema.Name) ? (record.Schema, record.Key) : null;
    }
}
