using SesamTalk.Connectors.Hosting;

namespace SesamTalk.Engine.Tests.Hosting;

/// <summary>The refresh-token file: which token a restart starts from, and what it says when the token is refused.</summary>
public sealed class RefreshTokenFileTests
{
    private const string TokenA = "token-from-the-first-authorisation";
    private const string TokenB = "token-from-authorising-again";

    [Fact]
    public async Task With_the_same_configured_token_a_restart_uses_the_token_the_file_rotated_to()
    {
        var path = TempFile();
        using (var first = new RefreshTokenFile(path, TokenA))
        {
            Assert.Equal(TokenA, await first.LoadRefreshTokenAsync(default));
            await first.SaveRefreshTokenAsync("rotated-from-a", default);
        }

        using var restarted = new RefreshTokenFile(path, TokenA);

        Assert.Equal("rotated-from-a", await restarted.LoadRefreshTokenAsync(default));
        Assert.DoesNotContain(TokenA, await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_configured_token_starts_a_new_chain_and_the_file_of_the_old_chain_is_replaced()
    {
        var path = TempFile();
        using (var first = new RefreshTokenFile(path, TokenA))
        {
            await first.LoadRefreshTokenAsync(default);
            await first.SaveRefreshTokenAsync("rotated-from-a", default);
        }

        using (var reauthorised = new RefreshTokenFile(path, TokenB))
        {
            Assert.Equal(TokenB, await reauthorised.LoadRefreshTokenAsync(default));
            await reauthorised.SaveRefreshTokenAsync("rotated-from-b", default);
        }

        var contents = await File.ReadAllTextAsync(path);
        Assert.Contains("rotated-from-b", contents, StringComparison.Ordinal);
        Assert.DoesNotContain("rotated-from-a", contents, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenB, contents, StringComparison.Ordinal);
        using var restarted = new RefreshTokenFile(path, TokenB);
        Assert.Equal("rotated-from-b", await restarted.LoadRefreshTokenAsync(default));
    }

    [Fact]
    public async Task A_file_that_holds_only_a_token_counts_as_the_chain_of_the_configured_token()
    {
        var path = TempFile();
        await File.WriteAllTextAsync(path, "rotated-before-chains-were-recorded\n");
        using (var upgraded = new RefreshTokenFile(path, TokenA))
        {
            Assert.Equal("rotated-before-chains-were-recorded", await upgraded.LoadRefreshTokenAsync(default));
            await upgraded.SaveRefreshTokenAsync("rotated-again", default);
        }

        using var reauthorised = new RefreshTokenFile(path, TokenB);

        Assert.Equal(TokenB, await reauthorised.LoadRefreshTokenAsync(default));
    }

    [Fact]
    public void Its_advice_names_the_setting_for_the_new_token_and_the_file_it_replaces()
    {
        var path = TempFile();
        using var file = new RefreshTokenFile(path, TokenA, "SesamTalk:ExactOnline:RefreshToken");

        Assert.Contains("SesamTalk:ExactOnline:RefreshToken", file.RenewalAdvice, StringComparison.Ordinal);
        Assert.Contains(path, file.RenewalAdvice, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenA, file.RenewalAdvice, StringComparison.Ordinal);
    }

    private static string TempFile() => Path.Combine(Directory.CreateTempSubdirectory("sesamtalk-token-").FullName, "exact.token");
}
