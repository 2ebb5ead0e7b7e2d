package io.ccsfront.node.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccsfront.binding.CcsBinding;
import io.ccsfront.binding.HostnamePortBinding;
import io.ccsfront.binding.IpPort;
import io.ccsfront.binding.IpPortBinding;
import io.ccsfront.cert.StoredCertificate;
import io.ccsfront.config.ConfigSnapshot;
import io.ccsfront.node.testing.RawClientHello;
import io.ccsfront.selection.Selector;
import io.ccsfront.testing.TestPki;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.ssl.util.KeyManagerFactoryWrapper;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vert.x TLS seam without a socket, as Netty tests its {@code SniHandler}: the seam's own
 * TLS context makes the handler, an {@link EmbeddedChannel} with a chosen local address carries
 * it, and a hand-built ClientHello goes in. What comes out shows which certificate was chosen —
 * by (local address, port, SNI), through the key manager, with the JDK engine and BoringSSL alike
 * — or the alert that refused the handshake.
 */
class SeamWithoutSocketsTest {

    static final Map<String, StoredCertificate> CERTS = new LinkedHashMap<>();
    static final Map<String, X509Certificate> LEAVES = new LinkedHashMap<>();
    static final ConfigSnapshot CONFIG = config();

    static StoredCertificate cert(String name) {
        return CERTS.computeIfAbsent(name, n -> {
            TestPki.Issued issued = TestPki.get().leaf(n);
            LEAVES.put(n, issued.certificate());
            return issued.stored();
        });
    }

    /** hostnameport www.example:8443, ipport 127.0.0.2:8443, and the CCS on 8443 with shop.example. */
    static ConfigSnapshot config() {
        var b = ConfigSnapshot.builder();
        b.putCertificate("MY", cert("www.example"));
        b.putCertificate("MY", cert("ip.example"));
        b.putBinding(new HostnamePortBinding("www.example", 8443, cert("www.example").thumbprint()));
        b.putBinding(new IpPortBinding(IpPort.parse("127.0.0.2:8443"), cert("ip.example").thumbprint()));
        b.putBinding(new CcsBinding(8443));
        b.putCcs("shop.example", cert("shop.example"));
        return b.build();
    }

    /** The seam's TLS context over {@link #CONFIG}, as Vert.x builds it for a listener. */
    static SslContext seamContext(boolean openSsl) throws Exception {
        if (openSsl) {
            Assumptions.assumeTrue(OpenSsl.isAvailable(), "BoringSSL (netty-tcnative) is part of the build and loads here");
        }
        CertificateCache cache = new CertificateCache(100, TestPki.PROTECTOR);
        HandshakeMetrics metrics = new HandshakeMetrics(cache);
        metrics.bindTo(new SimpleMeterRegistry());
        HandshakeSelector selector = new HandshakeSelector(() -> CONFIG, new Selector(false), cache, metrics);
        VertxTlsSeam.Settings settings = new VertxTlsSeam.Settings(selector, openSsl, 0, false, null, null);
        return VertxTlsSeam.engineOptions(settings).sslContextFactory().forClient(false).useAlpn(false)
                .keyMananagerFactory(new KeyManagerFactoryWrapper(new SelectingKeyManager(cache, null, false))).create();
    }

    /** A channel that reports {@code local} as its local address, as an accepted TCP connection does. */
    static EmbeddedChannel channel(String local, ChannelHandler handler) {
        InetSocketAddress address = new InetSocketAddress(local, 8443);
        EmbeddedChannel ch = new EmbeddedChannel() {
            @Override
            protected SocketAddress localAddress0() {
                return address;
            }
        };
        ch.pipeline().addLast(handler);
        return ch;
    }

    @ParameterizedTest(name = "{0}: to {1} with SNI {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "jdk,     127.0.0.1, www.example,     www.example",
        "jdk,     127.0.0.1, shop.example,    shop.example",
        "jdk,     127.0.0.2, -,               ip.example",
        "jdk,     127.0.0.2, www.example,     ip.example",
        "jdk,     127.0.0.1, unknown.example, alert:112",
        "jdk,     127.0.0.1, -,               alert:40",
        "openssl, 127.0.0.1, www.example,     www.example",
        "openssl, 127.0.0.1, shop.example,    shop.example",
        "openssl, 127.0.0.2, -,               ip.example",
        "openssl, 127.0.0.2, www.example,     ip.example",
        "openssl, 127.0.0.1, unknown.example, alert:112",
        "openssl, 127.0.0.1, -,               alert:40"})
    void rawClientHelloGetsTheCertificateOfItsLocalAddressAndSni(String engine, String local, String sni, String expected)
            throws Exception {
        SslContext ctx = seamContext(engine.equals("openssl"));
        EmbeddedChannel ch = channel(local, ctx.newHandler(ByteBufAllocator.DEFAULT));
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(RawClientHello.hello(sni == null ? null : sni.getBytes(StandardCharsets.US_ASCII))));
        } catch (DecoderException refused) {
            // a refused handshake fails the pipeline after the handler queued its alert
        }
        byte[] answer = outbound(ch);
        ch.finishAndReleaseAll();

        assertThat(answer).as("the seam answered").isNotEmpty();
        if (expected.startsWith("alert:")) {
            assertThat(answer[0]).as("an alert record").isEqualTo((byte) 0x15);
            assertThat(answer[6] & 0xff).as("the alert's description").isEqualTo(Integer.parseInt(expected.substring(6)));
        } else {
            assertThat(answer[0]).as("a handshake record").isEqualTo((byte) 0x16);
            for (Map.Entry<String, X509Certificate> e : LEAVES.entrySet()) {
                assertThat(indexOf(answer, e.getValue().getEncoded()) >= 0).as("the answer carries " + e.getKey())
                        .isEqualTo(e.getKey().equals(expected));
            }
        }
        assertThat(HandshakeLookup.attachedOpenSslEngines()).as("no engine left in the by-engine lookup").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"jdk", "openssl"})
    void completedHandshakeRecordsTheServedCertificateInItsSession(String engine) throws Exception {
        SslContext server = seamContext(engine.equals("openssl"));
        SslContext client = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .trustManager(InsecureTrustManagerFactory.INSTANCE).protocols("TLSv1.3").build();
        SslHandler serverHandler = server.newHandler(ByteBufAllocator.DEFAULT);
        SslHandler clientHandler = client.newHandler(ByteBufAllocator.DEFAULT, "shop.example", 8443);
        EmbeddedChannel s = channel("127.0.0.1", serverHandler);
        EmbeddedChannel c = channel("127.0.0.9", clientHandler);
        for (int i = 0; i < 20 && !(serverHandler.handshakeFuture().isDone() && clientHandler.handshakeFuture().isDone()); i++) {
            pass(c, s);
            pass(s, c);
        }
        assertThat(clientHandler.handshakeFuture().isSuccess()).as(String.valueOf(clientHandler.handshakeFuture().cause())).isTrue();
        assertThat(serverHandler.handshakeFuture().isSuccess()).isTrue();
        assertThat(clientHandler.engine().getSession().getPeerCertificates()[0]).isEqualTo(LEAVES.get("shop.example"));
        assertThat(ServedCertificate.of(serverHandler.engine().getSession()).label())
                .isEqualTo(cert("shop.example").summary().label());
        assertThat(HandshakeLookup.attachedOpenSslEngines()).isZero();
        s.finishAndReleaseAll();
        c.finishAndReleaseAll();
    }

    /** Moves what {@code from} wrote into {@code to}. */
    static void pass(EmbeddedChannel from, EmbeddedChannel to) {
        for (ByteBuf b; (b = from.readOutbound()) != null; ) {
            to.writeInbound(b);
        }
    }

    static byte[] outbound(EmbeddedChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            out.writeBytes(ByteBufUtil.getBytes(b));
            b.release();
        }
        return out.toByteArray();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
