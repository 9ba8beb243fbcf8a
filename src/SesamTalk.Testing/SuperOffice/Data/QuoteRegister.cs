namespace SesamTalk.Testing.SuperOffice.Data;

/// <summary>
/// The quotes of sales (Sale 1→1 Quote 1→n QuoteVersion): which quote versions a sale's quote has, so that
/// <c>GetQuoteEntityFromSaleId</c> can answer the chain down to the alternatives (whose <c>QuoteVersionId</c> points
/// at a version). Quote and version ids are numbered from 1. Callers hold the record store's gate.
/// </summary>
internal sealed class QuoteRegister
{
    private readonly Dictionary<int, Quote> _bySale = [];
    private int _lastQuoteId;
    private int _lastVersionId;

    /// <summary>Adds a version to the sale's quote (creating the quote first); returns the new version's id.</summary>
    public int AddVersion(int saleId)
    {
        if (!_bySale.TryGetValue(saleId, out var quote))
        {
            quote = new Quote(++_lastQuoteId, saleId, []);
            _bySale[saleId] = quote;
        }

        quote.VersionIds.Add(++_lastVersionId);
        return _lastVersionId;
    }

    /// <summary>The sale's quote, or null when the sale has none.</summary>
    public Quote? OfSale(int saleId) => _bySale.GetValueOrDefault(saleId);

    /// <summary>A sale's quote and its versions, oldest first.</summary>
    public sealed record Quote(int QuoteId, int SaleId, List<int> VersionIds);
}
