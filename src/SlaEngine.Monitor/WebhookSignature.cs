using System.Security.Cryptography;
using System.Text;

namespace SlaEngine.Monitor;

/// <summary>
/// The signature of webhook bodies: <c>X-SlaEngine-Signature: sha256=HEX</c>, HEX being the lower-case HMAC-SHA256 of
/// the exact body bytes under the shared secret (UTF-8). A receiver recomputes it over the bytes it received and
/// compares in constant time with <see cref="Verify"/>.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string HeaderName = "X-SlaEngine-Signature";

    /// <summary>Computes the header value for a body.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="body">The body bytes.</param>
    /// <returns><c>sha256=</c> followed by 64 lower-case hex digits.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, hash);
        return "sha256=" + Convert.ToHexStringLower(hash);
    }

    /// <summary>Checks a received header value against the body, in constant time.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="body">The body bytes as received.</param>
    /// <param name="header">The header value; null or malformed fails.</param>
    /// <returns>Whether the signature is right.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, body));
        var actual = Encoding.UTF8.GetBytes(header.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
