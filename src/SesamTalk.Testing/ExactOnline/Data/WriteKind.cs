namespace SesamTalk.Testing.ExactOnline.Data;

/// <summary>Which write a body is validated for; decides the createable/updateable and mandatory-field rules.</summary>
internal enum WriteKind
{
    /// <summary>An API POST: only createable fields, mandatory fields and (for headers) lines must be present.</summary>
    Create,

    /// <summary>An API PUT: only updateable fields, mandatory fields may not be cleared.</summary>
    Update,

    /// <summary>Test seeding: any field (the key included) may be set; types, lengths and mandatory fields still hold.</summary>
    Seed,

    /// <summary>A test's edit (a user's change in Exact): any field but the key, mandatory ones not cleared.</summary>
    Edit,
}
