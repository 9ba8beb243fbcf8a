namespace SesamTalk.Testing.SuperOffice.Data;

/// <summary>Who writes, which decides the body form and which fields may be set.</summary>
internal enum WriteKind
{
    /// <summary><c>POST</c>: wire form; read-only and unknown properties are ignored, as NetServer's deserializer does.</summary>
    Create,

    /// <summary><c>PUT</c>/<c>PATCH</c>: wire form; read-only and unknown properties are ignored.</summary>
    Update,

    /// <summary>Test seeding: catalog form; any catalog field, the id included; unknown names are refused.</summary>
    Seed,

    /// <summary>A user's edit in the UI: catalog form; any catalog field but the id.</summary>
    Edit,
}
