namespace SesamTalk.Testing.ExactOnline.Webhooks;

/// <summary>A webhook subscription of the emulated division, as <c>webhooks/WebhookSubscriptions</c> holds it.</summary>
/// <param name="Id">The subscription's key (<c>ID</c>).</param>
/// <param name="Topic">What it is notified of, e.g. <c>Accounts</c>.</param>
/// <param name="CallbackUrl">Where each notification is posted (<c>CallbackURL</c>).</param>
/// <param name="Description">The free text the subscriber gave, if any.</param>
/// <param name="Created">When it was created.</param>
public sealed record ExactOnlineWebhookSubscription(Guid Id, string Topic, string CallbackUrl, string? Description, DateTimeOffset Created);
