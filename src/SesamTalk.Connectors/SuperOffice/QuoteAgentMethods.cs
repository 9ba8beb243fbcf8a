namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// How the Quote agent (<c>POST /api/v1/Agents/Quote/{Method}</c>) serves one quote carrier, which has no REST entity:
/// the method reading one by id, the one saving (creating with id 0, else replacing the whole carrier) and its body
/// member, and the one deleting.
/// </summary>
/// <param name="Get">e.g. <c>GetQuoteLine</c>, taking the key as its parameter.</param>
/// <param name="Save">e.g. <c>SaveQuoteLines</c>.</param>
/// <param name="SaveParameter">The body member carrying the carrier (or, for <paramref name="SavesList"/>, the array).</param>
/// <param name="SavesList">Whether the save method takes and answers an array of carriers.</param>
/// <param name="Delete">e.g. <c>DeleteQuoteLine</c>, taking the key as its parameter.</param>
internal sealed record QuoteAgentMethods(string Get, string Save, string SaveParameter, bool SavesList, string Delete);
