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

    private static DefaultHttpContext Request(IPAddress? remote, IPAddress local)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = remote;
        context.Connection.LocalIpAddress = local;
        return context;
    }
}
