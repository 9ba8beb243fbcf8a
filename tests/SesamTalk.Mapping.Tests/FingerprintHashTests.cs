using System.Security.Cryptography;

namespace SesamTalk.Mapping.Tests;

/// <summary>
/// The fingerprint's SHA-256: on Linux OpenSSL's SHA-256 functions called directly, which must give .NET's digest for
/// every length (block boundaries, padding into a second block, inputs larger than a buffer kept between prints).
/// </summary>
public class FingerprintHashTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(220)]
    [InlineData(4_099)]
    [InlineData(200_000)]
    public void A_fingerprint_is_the_first_half_of_the_SHA_256_of_any_length(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        var expected = Convert.ToHexStringLower(SHA256.HashData(data), 0, 16);

        Assert.Equal(expected, FingerprintHash.Of(data).ToString());
    }

    [Fact]
    public void Fingerprints_call_OpenSSL_directly_on_Linux_only()
    {
        Assert.Equal(OperatingSystem.IsLinux(), FingerprintHash.UsesNative);
    }
}
