namespace SesamTalk.Documentation;

/// <summary>One flow of a data-flow document: a host entity and one of its mappers, with the names the document shows.</summary>
public sealed class DataflowSection
{
    /// <summary>Creates the section.</summary>
    /// <param name="mapper">The generated mapper of the flow.</param>
    /// <param name="hostTypeName">The host entity as the document names it, e.g. <c>Customer</c>.</param>
    /// <param name="remoteTypeName">The remote type as the document names it; defaults to the mapper's type (e.g. <c>Salesorders</c> for <c>SalesOrders</c>).</param>
    public DataflowSection(IEntityMapper mapper, string hostTypeName, string? remoteTypeName = null)
        : this(mapper, hostTypeName, remoteTypeName, string.Empty)
    {
    }

    private DataflowSection(IEntityMapper mapper, string hostTypeName, string? remoteTypeName, string hostPropertyPrefix)
    {
        Mapper = mapper ?? throw new ArgumentNullException(nameof(mapper));
        HostTypeName = hostTypeName ?? throw new ArgumentNullException(nameof(hostTypeName));
        RemoteTypeName = remoteTypeName ?? mapper.Target.Type;
        HostPropertyPrefix = hostPropertyPrefix;
    }

    /// <summary>The generated mapper of the flow.</summary>
    public IEntityMapper Mapper { get; }

    /// <summary>The host entity as the document names it.</summary>
    public string HostTypeName { get; }

    /// <summary>The remote type as the document names it.</summary>
    public string RemoteTypeName { get; }

    /// <summary>What the host properties are shown under: empty, or the collection of a <see cref="ForChildren"/> section (<c>Lines.</c>).</summary>
    public string HostPropertyPrefix { get; }

    /// <summary>
    /// A section for remote records that sync as elements of one of the host entity's collections, e.g.
    /// "SuperOffice Quoteline to Customwebshop Order", where each quote line is a line of the order its quote
    /// alternative is linked to: the child mapper's fields, with the host properties shown under the collection
    /// (<c>Lines.Quantity</c>).
    /// </summary>
    /// <param name="parent">The host entity's mapper that carries the children (e.g. Order to SuperOffice QuoteAlternative).</param>
    /// <param name="childType">The remote type of the children, e.g. <c>QuoteLine</c>.</param>
    /// <param name="hostTypeName">The host entity as the document names it, e.g. <c>Order</c>.</param>
    /// <param name="remoteTypeName">The remote type as the document names it; defaults to <paramref name="childType"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="parent"/> carries no children of <paramref name="childType"/>.</exception>
    public static DataflowSection ForChildren(IEntityMapper parent, string childType, string hostTypeName, string? remoteTypeName = null)
    {
        var children = (parent ?? throw new ArgumentNullException(nameof(parent))).Children;
        var child = children.FirstOrDefault(c => string.Equals(c.Mapper.Target.Type, childType, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"{parent.Target.System} {parent.Target.Type} carries no {childType} children.", nameof(childType));
        return new DataflowSection(child.Mapper, hostTypeName, remoteTypeName, child.Property + ".");
    }
}
