namespace SesamTalk;

/// <summary>
/// Converts a property's value to the remote field's value and back, for units, percent versus fraction or code
/// lookups. Name the implementing type in <see cref="FieldAttribute.Converter"/>; it needs a public parameterless
/// constructor, and one instance serves every record, so keep it stateless.
/// </summary>
/// <typeparam name="TLocal">The property's type.</typeparam>
/// <typeparam name="TRemote">The remote field's type: a string, number, boolean, date or time type, or their nullable forms.</typeparam>
public interface ISyncValueConverter<TLocal, TRemote>
{
    /// <summary>Converts the host value to the remote value.</summary>
    /// <param name="value">The host value.</param>
    TRemote ToRemote(TLocal value);

    /// <summary>Converts the remote value to the host value.</summary>
    /// <param name="value">The remote value.</param>
    TLocal ToLocal(TRemote value);
}
