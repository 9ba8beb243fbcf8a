namespace SesamTalk.Documentation;

/// <summary>One flow of a data-flow document: a host entity and one of its mappers, with the names the document shows.</summary>
public sealed class DataflowSection
{
    /// <summary>Creates the section.</summary>
    /// <param name="mapper">The generated mapper of the flow.</param>
    /// <param name="hostTypeName">The host entity as the document names it, e.g. <c>Customer</c>.</param>
    /// <param name="remoteTypeName">The remote type as the document names it; defaults to the mapper's type (e.g. <c>Salesorders</c> for <c>SalesOrders</c>).</param>
    public DataflowSection(IEntityMapper mapper, string hostTypeName, string? remoteTypeName = null)
    {
        Mapper = mapper ?? throw new ArgumentNullException(nameof(mapper));
        HostTypeName = hostTypeName ?? throw new ArgumentNullException(nameof(hostTypeName));
        RemoteTypeName = remoteTypeName ?? mapper.Target.Type;
    }

    /// <summary>The generated mapper of the flow.</summary>
    public IEntityMapper Mapper { get; }

    /// <summary>The host entity as the document names it.</summary>
    public string HostTypeName { get; }

    /// <summary>The remote type as the document names it.</summary>
    public string RemoteTypeName { get; }
}
