namespace SesamTalk.Testing.ExactOnline;

/// <summary>The emulated Exact Online endpoints, for call counting and for aiming faults.</summary>
public enum ExactOnlineEndpoint
{
    /// <summary><c>GET /api/oauth2/auth</c> (the user's consent, answered with a redirect carrying a code).</summary>
    Authorize,

    /// <summary><c>POST /api/oauth2/token</c>.</summary>
    Token,

    /// <summary><c>GET /api/v1/current/Me</c>.</summary>
    Me,

    /// <summary><c>GET /api/v1/{division}/hrm/Divisions</c> and <c>/system/Divisions</c>: the divisions the user can use.</summary>
    Divisions,

    /// <summary><c>GET /api/v1/{division}/{service}/{Entity}</c>: a collection page.</summary>
    List,

    /// <summary><c>GET /api/v1/{division}/{service}/{Entity}/$count</c>.</summary>
    Count,

    /// <summary><c>GET /api/v1/{division}/{service}/{Entity}(guid'…')</c>.</summary>
    Retrieve,

    /// <summary><c>POST /api/v1/{division}/{service}/{Entity}</c>.</summary>
    Create,

    /// <summary><c>PUT /api/v1/{division}/{service}/{Entity}(guid'…')</c>.</summary>
    Update,

    /// <summary><c>DELETE /api/v1/{division}/{service}/{Entity}(guid'…')</c>.</summary>
    Delete,

    /// <summary><c>GET /api/v1/{division}/sync/{service}/{Entity}</c>: rows changed after a Timestamp.</summary>
    Sync,

    /// <summary><c>GET /api/v1/{division}/sync/Deleted</c>.</summary>
    SyncDeleted,
}
