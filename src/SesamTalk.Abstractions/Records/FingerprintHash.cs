using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SesamTalk;

/// <summary>
/// The SHA-256 a fingerprint is made of (see <see cref="SyncFingerprintBuilder"/>): the first 16 bytes of the digest
/// of a record's encoding.
/// </summary>
/// <remarks>
/// On .NET 8 and later on Linux it calls OpenSSL's <c>SHA256_Init</c>, <c>SHA256_Update</c> and <c>SHA256_Final</c>
/// (libcrypto 3) directly: the same digest as <see cref="IncrementalHash"/> without OpenSSL 3's EVP layer, whose
/// set-up and reset per digest cost more than hashing a record's 200-odd bytes with the CPU's SHA extensions (about
/// 400 ns a fingerprint through <see cref="IncrementalHash"/>, 170 ns directly, on the benchmark machine). A fingerprint
/// only tells changes apart and protects nothing, so bypassing OpenSSL's providers (a FIPS provider among them) changes
/// no guarantee. Where that library or its functions are missing, or give another digest for a known input, and on
/// other systems, it uses .NET's SHA-256 (one reused context a thread).
/// </remarks>
internal static class FingerprintHash
{
#if NET8_0_OR_GREATER
    private const int DigestSize = 32;

    private const string LibCrypto = "libcrypto.so.3";

    // SHA256_CTX is 112 bytes (eight state words, two length words, a 64-byte block, two counters); room to spare.
    private const int ContextSize = 128;

    private static readonly bool s_native = OperatingSystem.IsLinux() && NativeAgrees();

    // Reused: creating a hash context per fingerprint costs about as much as the hashing.
    [ThreadStatic]
    private static IncrementalHash? t_sha256;
#else
    [ThreadStatic]
    private static SHA256? t_sha256;
#endif

#if NET8_0_OR_GREATER
    /// <summary>The fingerprint of <paramref name="encoding"/>.</summary>
    public static SyncFingerprint Of(ReadOnlySpan<byte> encoding)
    {
        Span<byte> digest = stackalloc byte[DigestSize];
        if (s_native)
        {
            NativeDigest(encoding, digest);
        }
        else
        {
            ManagedDigest(encoding, digest);
        }

        return SyncFingerprint.FromBytes(digest);
    }

    /// <summary>Whether the direct OpenSSL calls are in use (tests compare both ways).</summary>
    internal static bool UsesNative => s_native;

    /// <summary>SHA-256 of <paramref name="data"/> through OpenSSL's SHA-256 functions.</summary>
    internal static void NativeDigest(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        Span<byte> context = stackalloc byte[ContextSize];
        ref var state = ref MemoryMarshal.GetReference(context);
        if (Sha256Init(ref state) != 1
            || Sha256Update(ref state, ref MemoryMarshal.GetReference(data), (nuint)data.Length) != 1
            || Sha256Final(ref MemoryMarshal.GetReference(digest), ref state) != 1)
        {
            throw new CryptographicException("OpenSSL's SHA256 functions failed.");
        }
    }

    /// <summary>SHA-256 of <paramref name="data"/> through .NET's own.</summary>
    internal static void ManagedDigest(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        var sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(data);
        sha256.GetHashAndReset(digest);
    }

    /// <summary>Whether libcrypto 3 is there and its digest of a test input (a few blocks long) is .NET's.</summary>
    private static bool NativeAgrees()
    {
        var input = new byte[300];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (byte)(i * 7);
        }

        Span<byte> native = stackalloc byte[DigestSize];
        Span<byte> managed = stackalloc byte[DigestSize];
        try
        {
            NativeDigest(input, native);
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or CryptographicException)
        {
            return false;
        }

        ManagedDigest(input, managed);
        return native.SequenceEqual(managed);
    }

    [DllImport(LibCrypto, EntryPoint = "SHA256_Init", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Sha256Init(ref byte context);

    [DllImport(LibCrypto, EntryPoint = "SHA256_Update", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Sha256Update(ref byte context, ref byte data, nuint length);

    [DllImport(LibCrypto, EntryPoint = "SHA256_Final", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Sha256Final(ref byte digest, ref byte context);
#else
    /// <summary>The fingerprint of the first <paramref name="length"/> bytes of <paramref name="encoding"/>.</summary>
    public static SyncFingerprint Of(byte[] encoding, int length)
    {
        var sha256 = t_sha256 ??= SHA256.Create();
        return SyncFingerprint.FromBytes(sha256.ComputeHash(encoding, 0, length));
    }
#endif
}
