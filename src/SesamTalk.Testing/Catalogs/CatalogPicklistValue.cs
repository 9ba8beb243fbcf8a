namespace SesamTalk.Testing.Catalogs;

/// <summary>One value of a picklist field, as describe lists it in <c>picklistValues</c> (format in <c>docs/catalogs.md</c>).</summary>
/// <param name="Value">The API value, e.g. <c>Draft</c>.</param>
/// <param name="Label">The label users see; the value when the catalog gives none.</param>
/// <param name="Active">Whether users and the API may pick it; inactive values stay on old records.</param>
/// <param name="DefaultValue">Whether it is the picklist's default.</param>
internal sealed record CatalogPicklistValue(string Value, string Label, bool Active, bool DefaultValue);
