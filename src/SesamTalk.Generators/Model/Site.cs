using Microsoft.CodeAnalysis;

namespace SesamTalk.Generators.Model;

/// <summary>
/// Where in the host's source a part of the model was declared, for diagnostics found later against the
/// catalogs. Sites travel only in the diagnostics branch of the pipeline, never in the models.
/// </summary>
internal sealed record Site(string Key, Location Location)
{
    public static string Target(string system, string type) => "target:" + system + "/" + type;

    public static string Field(string system, string type, string property) => "field:" + system + "/" + type + ":" + property;

    public static string Reference(string system, string type, string property) => "reference:" + system + "/" + type + ":" + property;

    public static string MatchKey(string system, string type, string property) => "matchkey:" + system + "/" + type + ":" + property;

    public static string Constant(string system, string type, string field) => "constant:" + system + "/" + type + ":" + field;
}
