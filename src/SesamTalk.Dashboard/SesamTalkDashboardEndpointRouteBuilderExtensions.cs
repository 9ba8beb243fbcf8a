using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SesamTalk.Dashboard;

/// <summary>Mounts the dashboard in the host app.</summary>
public static class SesamTalkDashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the dashboard's pages under <paramref name="prefix"/>, e.g. <c>app.MapSesamTalkDashboard("/sesamtalk")</c>.
    /// Safe by default: without authorization it answers only requests from this machine (403 for any other); call
    /// <c>RequireAuthorization(...)</c> on the returned builder to let the host's policy decide instead. Every action
    /// that writes is a POST checked for its antiforgery token. Needs <see cref="SesamTalkDashboardServiceCollectionExtensions.AddSesamTalkDashboard"/>.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">Where the dashboard lives, e.g. <c>/sesamtalk</c>.</param>
    /// <param name="configure">Sets the title, the page size, or the SesamTalk containers to show (the app's own by default).</param>
    /// <returns>The dashboard's route group, for <c>RequireAuthorization</c> and other conventions.</returns>
    public static RouteGroupBuilder MapSesamTalkDashboard(this IEndpointRouteBuilder endpoints, string prefix, Action<SesamTalkDashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var options = new SesamTalkDashboardOptions();
        configure?.Invoke(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PageSize, nameof(options.PageSize));
        var site = new DashboardSite(prefix, options, endpoints.ServiceProvider);

        var group = endpoints.MapGroup(site.Prefix);
        group.AddEndpointFilter<LocalRequestsOnly>();
        MapPage(group, site, "/", OverviewPage.ShowAsync);
        MapPage(group, site, "/quarantine", QuarantinePage.ShowAsync);
        MapPage(group, site, "/conflicts", ConflictsPage.ShowAsync);
        MapPage(group, site, "/links", LinksPage.ShowAsync);
        MapPage(group, site, "/held", HeldFlowsPage.ShowAsync);
        MapPage(group, site, "/flow", FlowPage.ShowAsync);
        MapAction(group, site, "/quarantine/release", QuarantinePage.ReleaseAsync);
        MapAction(group, site, "/quarantine/drop", QuarantinePage.DropAsync);
        MapAction(group, site, "/quarantine/retry", QuarantinePage.RetryNowAsync);
        MapAction(group, site, "/links/unlink", LinksPage.UnlinkAsync);
        MapAction(group, site, "/links/link", LinksPage.LinkAsync);
        MapAction(group, site, "/held/approve", HeldFlowsPage.ApproveAsync);
        MapAction(group, site, "/flows/plan", FlowActions.PlanAsync);
        MapAction(group, site, "/flows/run", FlowActions.RunAsync);
        return group;
    }

    private static void MapPage(RouteGroupBuilder group, DashboardSite site, string page, Func<DashboardRequest, Task<IResult>> show) =>
        group.MapGet(page, (Func<HttpContext, Task<IResult>>)(context => show(new DashboardRequest(context, site))));

    /// <summary>A POST whose antiforgery token is checked before it does anything (400 when it is missing or wrong).</summary>
    private static void MapAction(RouteGroupBuilder group, DashboardSite site, string page, Func<DashboardRequest, IFormCollection, Task<IResult>> action) =>
        group.MapPost(page, (Func<HttpContext, Task<IResult>>)(async context =>
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return Results.BadRequest("The form's antiforgery token is missing or invalid: reload the page and try again.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            return await action(new DashboardRequest(context, site), form).ConfigureAwait(false);
        })).DisableAntiforgery();
}
