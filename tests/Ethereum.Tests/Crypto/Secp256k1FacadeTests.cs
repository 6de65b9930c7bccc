using Microsoft.Extensions.Logging;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.Crypto;

public class Secp256k1FacadeTests
{
    private static readonly (ISecp256k1Backend? Backend, string Failure) Missing = (null, "no libsecp256k1 here");

    [Fact]
    public void Facade_reports_the_backend_it_chose()
    {
        var setting = Environment.GetEnvironmentVariable(Secp256k1.EnvironmentVariable);
        if (string.Equals(setting, "managed", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Equal("managed BouncyCastle", Secp256k1.BackendName);
            Assert.Same(ManagedSecp256k1.Instance, Secp256k1.Backend);
        }
        else
        {
            // CI installs libsecp256k1, so unless forced otherwise the native backend must win.
            Assert.StartsWith("native libsecp256k1 (libsecp256k1", Secp256k1.BackendName, StringComparison.Ordinal);
            Assert.Same(Backends.Native, Secp256k1.Backend);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    public void Unforced_choice_takes_the_native_backend_and_logs_it_once(string? setting)
    {
        var logger = new ListLogger();
        var chosen = Secp256k1.Select(setting, logger, () => (Backends.Native, ""));
        Assert.Same(Backends.Native, chosen);
        var line = Assert.Single(logger.Lines);
        Assert.Equal((LogLevel.Information, $"secp256k1 backend: native libsecp256k1 ({Backends.Native.LibraryName})"), line);
    }

    [Fact]
    public void Unforced_choice_falls_back_to_managed_with_the_reason_when_native_is_missing()
    {
        var logger = new ListLogger();
        var chosen = Secp256k1.Select(null, logger, () => Missing);
        Assert.Same(ManagedSecp256k1.Instance, chosen);
        Assert.Equal(
            (LogLevel.Information, "secp256k1 backend: managed BouncyCastle (native library unavailable: no libsecp256k1 here)"),
            Assert.Single(logger.Lines));
    }

    [Fact]
    public void A_native_backend_that_fails_the_self_test_is_not_used()
    {
        var logger = new ListLogger();
        var chosen = Secp256k1.Select(null, logger, () => (new WrongSigner(), ""));
        Assert.Same(ManagedSecp256k1.Instance, chosen);
        Assert.Contains("failed its self-test: wrong signature", Assert.Single(logger.Lines).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Secp256k1.Select("native", logger, () => (new WrongSigner(), "")));
    }

    [Theory]
    [InlineData("managed")]
    [InlineData("MANAGED")]
    public void Managed_can_be_forced_without_touching_the_native_library(string setting)
    {
        var logger = new ListLogger();
        var chosen = Secp256k1.Select(setting, logger, () => throw new InvalidOperationException("must not load native"));
        Assert.Same(ManagedSecp256k1.Instance, chosen);
        Assert.Equal(
            (LogLevel.Information, $"secp256k1 backend: managed BouncyCastle (forced by PHOTON_SECP256K1={setting})"),
            Assert.Single(logger.Lines));
    }

    [Fact]
    public void Forcing_native_without_the_library_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Secp256k1.Select("native", new ListLogger(), () => Missing));
        Assert.Contains("PHOTON_SECP256K1=native", e.Message, StringComparison.Ordinal);
        Assert.Contains("no libsecp256k1 here", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forcing_native_with_the_library_uses_it()
    {
        var chosen = Secp256k1.Select("native", new ListLogger(), () => (Backends.Native, ""));
        Assert.Same(Backends.Native, chosen);
    }

    [Fact]
    public void An_unknown_setting_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Secp256k1.Select("fast", new ListLogger(), () => Missing));
        Assert.Contains("'fast'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Both_backends_pass_the_self_test(string backendName) =>
        Assert.Null(Secp256k1SelfTest.Run(Backends.ByName(backendName)));

    [Fact]
    public void Managed_backend_alone_signs_recovers_and_derives_like_the_facade()
    {
        var key = Hex.Decode("0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f");
        var digest = Keccak256.Hash("managed only"u8);
        var managed = ManagedSecp256k1.Instance;
        var signature = managed.Sign(digest, key);
        var publicKey = new byte[64];
        Assert.True(managed.TryRecoverPublicKey(digest, signature, publicKey));
        Assert.Equal(Secp256k1.PublicKeyOf(key), publicKey);
        Assert.Equal(Secp256k1.Sign(digest, key), signature);
    }

    /// <summary>A broken backend: right keys, wrong signatures (as a mismatched library build might give).</summary>
    private sealed class WrongSigner : ISecp256k1Backend
    {
        public string Name => "broken";
        public bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey) => ManagedSecp256k1.Instance.IsValidPrivateKey(privateKey);
        public void PublicKeyOf(ReadOnlySpan<byte> privateKey, Span<byte> publicKey) => ManagedSecp256k1.Instance.PublicKeyOf(privateKey, publicKey);

        public Signature Sign(in Hash256 digest, ReadOnlySpan<byte> privateKey)
        {
            var good = ManagedSecp256k1.Instance.Sign(digest, privateKey);
            return new Signature(good.R, good.S - UInt256.One, good.V);
        }

        public bool TryRecoverPublicKey(in Hash256 digest, in Signature signature, Span<byte> publicKey) =>
            ManagedSecp256k1.Instance.TryRecoverPublicKey(digest, signature, publicKey);

        public void SharedSecretPoint(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, Span<byte> sharedPoint) =>
            ManagedSecp256k1.Instance.SharedSecretPoint(privateKey, publicKey, sharedPoint);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
