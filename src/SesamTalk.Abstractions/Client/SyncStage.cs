namespace SesamTalk;

/// <summary>The stages of one cycle of a flow.</summary>
public enum SyncStage
{
    /// <summary>Reading changes from both sides.</summary>
    Reading = 0,

    /// <summary>Writing creates, updates and deletes.</summary>
    Writing = 1,

    /// <summary>Committing links, fingerprints and cursors.</summary>
    Committing = 2,

    /// <summary>The cycle finished.</summary>
    Done = 3,
}
