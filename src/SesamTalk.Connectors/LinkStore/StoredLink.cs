namespace SesamTalk.Connectors.LinkStore;

/// <summary>A link as the store holds it: the link with its provenance, and the fingerprints of both sides.</summary>
/// <param name="Link">The link, with its provenance and match key.</param>
/// <param name="Fingerprints">What was last read and written on each side.</param>
public sealed record StoredLink(SyncLink Link, LinkFingerprints Fingerprints);
