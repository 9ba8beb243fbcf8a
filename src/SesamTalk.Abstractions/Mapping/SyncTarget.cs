namespace SesamTalk;

/// <summary>A (remote system, remote type) pair an entity syncs with, e.g. <c>Salesforce/Product2</c>. Compared case-insensitively.</summary>
public readonly struct SyncTarget : IEquatable<SyncTarget>
{
    /// <summary>Creates the pair.</summary>
    /// <param name="system">The remote system.</param>
    /// <param name="type">The remote type.</param>
    public SyncTarget(string system, string type)
    {
        System = system ?? throw new ArgumentNullException(nameof(system));
        Type = type ?? throw new ArgumentNullException(nameof(type));
    }

    /// <summary>The remote system.</summary>
    public string System { get; }

    /// <summary>The remote type.</summary>
    public string Type { get; }

    /// <inheritdoc />
    public bool Equals(SyncTarget other) =>
        string.Equals(System, other.System, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Type, other.Type, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SyncTarget other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() =>
        (StringComparer.OrdinalIgnoreCase.GetHashCode(System ?? string.Empty) * 397)
        ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Type ?? string.Empty);

    /// <summary>Compares two targets.</summary>
    public static bool operator ==(SyncTarget left, SyncTarget right) => left.Equals(right);

    /// <summary>Compares two targets.</summary>
    public static bool operator !=(SyncTarget left, SyncTarget right) => !left.Equals(right);

    /// <summary><c>System/Type</c>.</summary>
    public override string ToString() => System + "/" + Type;
}
