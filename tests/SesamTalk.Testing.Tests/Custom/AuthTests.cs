using System.Net;
using System.Net.Http.Headers;

namespace SesamTalk.Testing.Tests.Custom;

public sealed class AuthTests
{
    [Fact]
    public async Task MissingKeyIs401ProblemWithBearerChallenge()
    {
        await using var system = await TestSystem.StartAsync();
        system.Http.DefaultRequestHeaders.Authorization = null;

        var reply = await system.GetAsync("Product/changes");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("unauthorized", reply.Code);
        Assert.Equal("Bearer", reply.Headers["WWW-Authenticate"]);
        Assert.Equal("/Product/changes", (string)reply.Problem["instance"]!);
    }

    [Theory]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic c2VzYW10YWxrLWVtdWxhdG9yLWFwaS1rZXk=")]
    [InlineData("Bearer ")]
    public async Task WrongCredentialsAre401AndDoNotLeakTheKey(string authorization)
    {
        await using var system = await TestSystem.StartAsync();
        system.Http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);

        var reply = await system.GetAsync("Product/changes");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.DoesNotContain(system.Emulator.ApiKey, reply.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConfiguredKeyIsServedWithRateLimitHeaders()
    {
        await using var system = await TestSystem.StartAsync(o => { o.ApiKey = "shop-key-1"; o.RateLimit = 50; });

        var reply = await system.GetAsync("Product/changes");

        Assert.Equal("shop-key-1", system.Emulator.ApiKey);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal("50", reply.Headers["RateLimit-Limit"]);
        Assert.Equal("49", reply.Headers["RateLimit-Remaining"]);
        Assert.Equal("60", reply.Headers["RateLimit-Reset"]);
    }
}
