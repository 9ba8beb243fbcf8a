namespace SesamTalk.Testing.SuperOffice;

/// <summary>The emulated SuperOffice endpoints, for call counting and for aiming faults.</summary>
public enum SuperOfficeEndpoint
{
    /// <summary><c>GET /login/common/oauth/authorize</c> (the user's consent, answered with a redirect carrying a code).</summary>
    Authorize,

    /// <summary><c>POST /login/common/oauth/tokens</c>.</summary>
    Token,

    /// <summary><c>GET /login/.well-known/openid-configuration</c> and <c>/login/.well-known/jwks</c>.</summary>
    OpenIdMetadata,

    /// <summary><c>GET /api/state/{ContextIdentifier}</c>.</summary>
    TenantState,

    /// <summary><c>GET /{tenant}/api/v1/User/currentPrincipal</c>.</summary>
    CurrentPrincipal,

    /// <summary><c>GET /{tenant}/api/v1/{Entity}/{id}</c>.</summary>
    Retrieve,

    /// <summary><c>GET /{tenant}/api/v1/{Entity}/default</c>.</summary>
    Default,

    /// <summary><c>POST /{tenant}/api/v1/{Entity}</c>.</summary>
    Create,

    /// <summary><c>PUT /{tenant}/api/v1/{Entity}/{id}</c>.</summary>
    Update,

    /// <summary><c>PATCH /{tenant}/api/v1/{Entity}/{id}</c>.</summary>
    Patch,

    /// <summary><c>DELETE /{tenant}/api/v1/{Entity}/{id}</c>.</summary>
    Delete,

    /// <summary><c>POST /{tenant}/api/v1/Agents/Quote/{Method}</c>: quote alternatives, quote lines and products.</summary>
    QuoteAgent,

    /// <summary><c>GET /{tenant}/api/v1/{Entity}</c> or <c>/{tenant}/api/v1/Archive/{provider}</c>: an OData archive page.</summary>
    Archive,

    /// <summary><c>/{tenant}/api/v1/Webhook[/{id}]</c>: listing, reading, saving and deleting webhooks.</summary>
    Webhook,
}
