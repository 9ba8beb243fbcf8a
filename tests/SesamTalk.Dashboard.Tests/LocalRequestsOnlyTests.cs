using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace SesamTalk.Dashboard.Tests;

/// <summary>Safe by default: without the host's authorization only this machine gets the dashboard.</summary>
public sealed class LocalRequestsOnlyTests
{
    [Fact]
    public void A_request_from_another_machine_is_refused_without_a_policy() =>
        Assert.False(LocalRequestsOnly.IsAllowed(Request(IPAddress.Parse("203.0.113.7"), IPAddress.Parse("192.0.2.1"))));

    [Fact]
    public void A_request_without_a_known_remote_address_is_refused() =>
        Assert.False(LocalRequestsOnly.IsAllowed(Request(remote: null, IPAddress.Loopback)));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void A_request_from_loopback_is_allowed(string remote) =>
        Assert.True(LocalRequestsOnly.IsAllowed(Request(IPAddress.Parse(remote), IPAddress.Loopback)));

    [Fact]
    public void A_request_from_this_machine_s_own_address_is_allowed() =>
        Assert.True(LocalRequestsOnly.IsAllowed(Request(IPAddress.Parse("192.0.2.1"), IPAddress.Parse("192.0.2.1"))));

    [Fact]
    public void With_the_host_s_authorization_on_the_endpoint_its_policy_decides_instead()
    {
        var context = Request(IPAddress.Parse("203.0.113.7"), IPAddress.Parse("192.0.2.1"));
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new AuthorizeAttribute("Operators")), "dashboard"));

        Assert.True(LocalRequestsOnly.IsAllowed(context));
    }

    [Fact]
    public async Task The_filter_answers_403_to_another_machine_and_does_not_run_the_page()
    {
        var ran = false;
        var context = EndpointFilterInvocationContext.Create(Request(IPAddress.Parse("203.0.113.7"), IPAddress.Parse("192.0.2.1")));

        var result = await new LocalRequestsOnly().InvokeAsync(context, _ =>
        {
            ran = true;
            return ValueTask.FromResult<object?>(Results.Ok());
        });

        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.False(ran);
    }

    private static DefaultHttpContext Request(IPAddress? remote, IPAddress local)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote;
        context.Connection.LocalIpAddress = local;
        return context;
    }
}
