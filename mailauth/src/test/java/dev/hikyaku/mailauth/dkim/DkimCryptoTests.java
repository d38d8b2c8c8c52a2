package dev.hikyaku.mailauth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Security;
import java.security.SignatureSpi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature check never throws, whatever the security provider does. */
class DkimCryptoTests {

  @Test
  void aProviderThrowingAnUncheckedExceptionShouldMeanTheSignatureDidNotVerify() {
    Provider provider = new BrokenProvider();
    Security.insertProviderAt(provider, 1);
    try {
      boolean valid =
          DkimCrypto.verify(
              DkimAlgorithm.ED25519_SHA256, new BrokenProviderKey(), new byte[8], new byte[64]);

      assertThat(valid).isFalse();
    } finally {
      Security.removeProvider(provider.getName());
    }
  }

  @Test
  void aSignatureOfTheWrongLengthShouldNotVerify() {
    boolean valid =
        DkimCrypto.verify(
            DkimAlgorithm.RSA_SHA256, DkimFixtures.rsa().getPublic(), new byte[8], new byte[3]);

    assertThat(valid).isFalse();
  }

  /** A key only {@link BrokenProvider} takes, so no other test ever reaches that provider. */
  static final class BrokenProviderKey implements PublicKey {
    private static final long serialVersionUID = 1L;

    @Override
    public String getAlgorithm() {
      return "Ed25519";
    }

    @Override
    public String getFormat() {
      return null;
    }

    @Override
    public byte[] getEncoded() {
      return null;
    }
  }

  /** An Ed25519 provider whose verification fails with a {@link ProviderException}. */
  static final class BrokenProvider extends Provider {
    private static final long serialVersionUID = 1L;

    BrokenProvider() {
      super("HikyakuBrokenProvider", "1.0", "throws from Signature.verify, for tests");
      putService(
          new Service(
              this,
              "Signature",
              "Ed25519",
              BrokenSignature.class.getName(),
              null,
              Map.of("SupportedKeyClasses", BrokenProviderKey.class.getName())) {
            @Override
            public Object newInstance(Object parameter) {
              return new BrokenSignature();
            }
          });
    }
  }

  /** Accepts a key and data, then throws when asked to verify. */
  static final class BrokenSignature extends SignatureSpi {
    @Override
    protected void engineInitVerify(PublicKey key) {}

    @Override
    protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
      throw new InvalidKeyException("verification only");
    }

    @Override
    protected void engineUpdate(byte b) {}

    @Override
    protected void engineUpdate(byte[] b, int off, int len) {}

    @Override
    protected byte[] engineSign() {
      throw new ProviderException("verification only");
    }

    @Override
    protected boolean engineVerify(byte[] sigBytes) {
      throw new ProviderException("the provider broke");
    }

    @Override
    @Deprecated
    protected void engineSetParameter(String param, Object value) {
      throw new InvalidParameterException(param);
    }

    @Override
    @Deprecated
    protected Object engineGetParameter(String param) {
      throw new InvalidParameterException(param);
    }
  }
}
