namespace SesamTalk.Testing.Salesforce.Data;

/// <summary>Which write a body is validated for; decides the createable/updateable and required-field rules.</summary>
internal enum WriteKind
{
    /// <summary>An API create: only createable fields, required fields must be present.</summary>
    Create,

    /// <summary>An API update: only updateable fields, required fields may not be cleared.</summary>
    Update,

    /// <summary>Test seeding through the emulator object: any stored field may be set, types and lengths still hold.</summary>
    Seed,

    /// <summary>A test's edit through the emulator object (a user's change in Salesforce): any stored field, required ones not cleared.</summary>
    Edit,
}
