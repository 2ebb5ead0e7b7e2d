package io.ccsfront.cert;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider, used as an instance (never registered globally) for what the
 * JDK providers lack: PKCS#12 PBE ciphers (RC2-40, 3DES), OpenSSL's legacy PEM encryption.
 * Keys handed out of this package are always JDK keys ({@link Keys}).
 */
final class Bc {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
