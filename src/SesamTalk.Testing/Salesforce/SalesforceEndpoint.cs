namespace SesamTalk.Testing.Salesforce;

/// <summary>The emulated Salesforce endpoints, for call counting and for aiming faults.</summary>
public enum SalesforceEndpoint
{
    /// <summary><c>POST /services/oauth2/token</c>.</summary>
    Token,

    /// <summary><c>GET /services/data/</c> (the version list; not counted against the API limit).</summary>
    Versions,

    /// <summary><c>GET /id/{orgId}/{userId}</c>: the identity URL the token response's <c>id</c> names.</summary>
    Identity,

    /// <summary><c>GET /services/data/vXX.X</c>: the version's resources by name.</summary>
    Resources,

    /// <summary><c>GET /services/data/vXX.X/limits</c>.</summary>
    Limits,

    /// <summary><c>GET /services/data/vXX.X/sobjects/{type}/describe</c>.</summary>
    Describe,

    /// <summary><c>GET /services/data/vXX.X/sobjects</c>: describe-global, every object of the org.</summary>
    DescribeGlobal,

    /// <summary><c>GET /services/data/vXX.X/sobjects/{type}</c>: an object's basic information and recent items.</summary>
    BasicInfo,

    /// <summary><c>POST /services/data/vXX.X/sobjects/{type}</c>.</summary>
    Create,

    /// <summary><c>GET /services/data/vXX.X/sobjects/{type}/{id}</c>.</summary>
    Retrieve,

    /// <summary><c>PATCH /services/data/vXX.X/sobjects/{type}/{id}</c>.</summary>
    Update,

    /// <summary><c>DELETE /services/data/vXX.X/sobjects/{type}/{id}</c>.</summary>
    Delete,

    /// <summary><c>PATCH /services/data/vXX.X/sobjects/{type}/{field}/{value}</c>: upsert by an external ID.</summary>
    Upsert,

    /// <summary><c>GET /services/data/vXX.X/sobjects/{type}/{field}/{value}</c>: read by an external ID or idLookup field.</summary>
    RetrieveByExternalId,

    /// <summary><c>DELETE /services/data/vXX.X/sobjects/{type}/{field}/{value}</c>: delete by an external ID.</summary>
    DeleteByExternalId,

    /// <summary><c>GET /services/data/vXX.X/query?q=</c> and <c>queryAll?q=</c>.</summary>
    Query,

    /// <summary><c>GET /services/data/vXX.X/query/{locator}</c>: the pages behind <c>nextRecordsUrl</c>.</summary>
    QueryMore,

    /// <summary><c>GET /services/data/vXX.X/sobjects/{type}/updated/?start=&amp;end=</c>.</summary>
    GetUpdated,

    /// <summary><c>GET /services/data/vXX.X/sobjects/{type}/deleted/?start=&amp;end=</c>.</summary>
    GetDeleted,

    /// <summary><c>POST /services/data/vXX.X/composite/sobjects</c>.</summary>
    CollectionCreate,

    /// <summary><c>PATCH /services/data/vXX.X/composite/sobjects</c>.</summary>
    CollectionUpdate,

    /// <summary><c>DELETE /services/data/vXX.X/composite/sobjects?ids=</c>.</summary>
    CollectionDelete,

    /// <summary><c>PATCH /services/data/vXX.X/composite/sobjects/{type}/{externalIdField}</c>.</summary>
    CollectionUpsert,

    /// <summary><c>GET /services/data/vXX.X/composite/sobjects/{type}?ids=&amp;fields=</c>, or POST with <c>{"ids","fields"}</c>.</summary>
    CollectionRetrieve,

    /// <summary><c>POST /services/data/vXX.X/jobs/ingest</c>: create a Bulk API 2.0 ingest job.</summary>
    BulkIngestCreate,

    /// <summary><c>PUT /services/data/vXX.X/jobs/ingest/{id}/batches</c>: upload an ingest job's CSV.</summary>
    BulkIngestUpload,

    /// <summary><c>PATCH /services/data/vXX.X/jobs/ingest/{id}</c>: close (UploadComplete) or abort an ingest job.</summary>
    BulkIngestState,

    /// <summary><c>GET /services/data/vXX.X/jobs/ingest/{id}</c>: an ingest job's info (state, counters).</summary>
    BulkIngestInfo,

    /// <summary><c>GET /services/data/vXX.X/jobs/ingest</c>: every ingest job.</summary>
    BulkIngestList,

    /// <summary><c>DELETE /services/data/vXX.X/jobs/ingest/{id}</c>.</summary>
    BulkIngestDelete,

    /// <summary><c>GET .../jobs/ingest/{id}/successfulResults</c>, <c>failedResults</c> and <c>unprocessedrecords</c>.</summary>
    BulkIngestResults,

    /// <summary><c>POST /services/data/vXX.X/jobs/query</c>: create a Bulk API 2.0 query job.</summary>
    BulkQueryCreate,

    /// <summary><c>GET /services/data/vXX.X/jobs/query/{id}</c>: a query job's info.</summary>
    BulkQueryInfo,

    /// <summary><c>GET /services/data/vXX.X/jobs/query</c>: every query job.</summary>
    BulkQueryList,

    /// <summary><c>PATCH /services/data/vXX.X/jobs/query/{id}</c>: abort a query job.</summary>
    BulkQueryState,

    /// <summary><c>DELETE /services/data/vXX.X/jobs/query/{id}</c>.</summary>
    BulkQueryDelete,

    /// <summary><c>GET /services/data/vXX.X/jobs/query/{id}/results?locator=&amp;maxRecords=</c>: one set of a query job's CSV results.</summary>
    BulkQueryResults,
}
