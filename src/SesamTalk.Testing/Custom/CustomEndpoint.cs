namespace SesamTalk.Testing.Custom;

/// <summary>The endpoints of the custom-system contract, for call counting and for aiming faults.</summary>
public enum CustomEndpoint
{
    /// <summary><c>GET /{type}/changes?cursor=&amp;limit=</c>.</summary>
    Changes,

    /// <summary><c>GET /{type}/{id}</c>.</summary>
    Get,

    /// <summary><c>POST /{type}/search</c>.</summary>
    Search,

    /// <summary><c>POST /{type}</c>.</summary>
    Create,

    /// <summary><c>PUT /{type}/{id}</c>.</summary>
    Update,

    /// <summary><c>DELETE /{type}/{id}</c>.</summary>
    Delete,

    /// <summary><c>POST /{type}/batch</c>.</summary>
    Batch,

    /// <summary><c>POST /webhooks</c> (emulator only).</summary>
    CreateWebhook,

    /// <summary><c>GET /webhooks</c> (emulator only).</summary>
    ListWebhooks,

    /// <summary><c>GET /webhooks/{id}</c> (emulator only).</summary>
    GetWebhook,

    /// <summary><c>DELETE /webhooks/{id}</c> (emulator only).</summary>
    DeleteWebhook,

    /// <summary><c>POST /{type}/read</c>: up to 100 records by id in one call.</summary>
    ReadMany,
}
