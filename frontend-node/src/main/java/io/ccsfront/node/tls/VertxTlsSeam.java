package io.ccsfront.node.tls;

import io.ccsfront.binding.TlsOptions.TlsVersion;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.internal.tcnative.AsyncSSLPrivateKeyMethod;
import io.netty.internal.tcnative.SSL;
import io.netty.internal.tcnative.SSLContext;
import io.netty.util.concurrent.ImmediateExecutor;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * THE seam between Vert.x and per-handshake certificate selection — the only class that knows
 * how Vert.x builds TLS contexts (its public TLS SPI, {@code io.vertx.core.spi.tls}, as of
 * Vert.x 5.0.x; the SPI changed in 5.1, so keep every Vert.x TLS detail here).
 *
 * <p>Vert.x asks the {@link SSLEngineOptions} of a server for an {@link SslContextFactory}, feeds
 * it the key manager factory (ours wraps {@link SelectingKeyManager}), and asks it for one Netty
 * {@link SslContext} per listener. We return that context wrapped: every {@link SslHandler} it
 * creates carries a fresh {@link HandshakeState} (installed on the engine as its SNI matcher),
 * and records the channel's local address in it when the handler joins the pipeline, before
 * the first byte of the ClientHello is read. The key manager then selects by (local address,
 * local port, SNI) for every handshake, with the JDK engine and with BoringSSL alike.
 *
 * <p>With BoringSSL the key manager factory is wrapped in Netty's
 * {@link OpenSslCachingX509KeyManagerFactory}, which keeps the native form of each certificate
 * (by alias = thumbprint) instead of re-encoding it on every handshake.
 */
final class VertxTlsSeam {

    private VertxTlsSeam() {
    }

    /** What the seam needs: built by {@link TlsWiring}. */
    record Settings(HandshakeSelector selector, boolean openSsl, int nativeKeyMaterialCache, boolean sessionTickets,
                           Consumer<SslContext> onContextCreated, AsyncSSLPrivateKeyMethod privateKeyMethod) {
    }

    /** The engine options to put on every HTTPS server's options. */
    static SSLEngineOptions engineOptions(Settings s) {
        return s.openSsl() ? new BoringSslEngine(s) : new JdkEngine(s);
    }

    /** Whether BoringSSL (netty-tcnative) loaded on this machine. */
    static boolean openSslAvailable() {
        return OpenSsl.isAvailable();
    }

    private static final class JdkEngine extends JdkSSLEngineOptions {
        private final Settings s;

        JdkEngine(Settings s) {
            this.s = s;
        }

        @Override
        public SslContextFactory sslContextFactory() {
            return new Factory(super.sslContextFactory(), s);
        }

        @Override
        public JdkEngine copy() {
            JdkEngine c = new JdkEngine(s);
            c.setUseWorkerThread(getUseWorkerThread());
            return c;
        }
    }

    private static final class BoringSslEngine extends OpenSSLEngineOptions {
        private final Settings s;

        BoringSslEngine(Settings s) {
            this.s = s;
            setSessionCacheEnabled(s.sessionTickets());
        }

        @Override
        public SslContextFactory sslContextFactory() {
            return new Factory(super.sslContextFactory(), s);
        }

        @Override
        public BoringSslEngine copy() {
            BoringSslEngine c = new BoringSslEngine(s);
            c.setSessionCacheEnabled(isSessionCacheEnabled());
            c.setUseWorkerThread(getUseWorkerThread());
            return c;
        }
    }

    /** Forwards to Vert.x's own factory and wraps what it builds. */
    private static final class Factory implements SslContextFactory {
        private final SslContextFactory delegate;
        private final Settings s;

        Factory(SslContextFactory delegate, Settings s) {
            this.delegate = delegate;
            this.s = s;
        }

        @Override
        public SslContextFactory useAlpn(boolean v) {
            delegate.useAlpn(v);
            return this;
        }

        @Override
        public SslContextFactory clientAuth(ClientAuth v) {
            delegate.clientAuth(v);
            return this;
        }

        @Override
        public SslContextFactory forClient(boolean v) {
            delegate.forClient(v);
            return this;
        }

        @Override
        public SslContextFactory trustManagerFactory(TrustManagerFactory v) {
            delegate.trustManagerFactory(v);
            return this;
        }

        @Override
        public SslContextFactory enabledCipherSuites(Set<String> v) {
            delegate.enabledCipherSuites(v);
            return this;
        }

        @Override
        public SslContextFactory applicationProtocols(List<String> v) {
            delegate.applicationProtocols(v);
            return this;
        }

        @Override
        public SslContextFactory serverName(String v) {
            delegate.serverName(v);
            return this;
        }

        @Override
        public SslContextFactory keyMananagerFactory(KeyManagerFactory kmf) { // sic: the SPI's spelling
            if (s.openSsl() && s.nativeKeyMaterialCache() > 0) {
                kmf = new OpenSslCachingX509KeyManagerFactory(kmf, s.nativeKeyMaterialCache());
            }
            delegate.keyMananagerFactory(kmf);
            return this;
        }

        @Override
        public SslContext create() throws SSLException {
            SslContext ctx = delegate.create();
            if (s.privateKeyMethod() != null && ctx instanceof ReferenceCountedOpenSslContext c) {
                // asked for the key operations of connections given a chain without a key (RSA certificates,
                // SelectingKeyManager); registered with netty-tcnative directly because Netty's own setter takes only
                // the synchronous kind, and OpenSslSigner completes cold keys off the event loop
                SSLContext.setPrivateKeyMethod(tcnativeContext(c), s.privateKeyMethod());
            }
            if (s.onContextCreated() != null) {
                s.onContextCreated().accept(ctx);
            }
            return new SelectingContext(ctx, s);
        }
    }

    /**
     * netty-tcnative's own context handle (its {@code tcn_ssl_ctxt_t}, the protected field
     * {@code ctx}), which its {@code SSLContext} functions take — not {@code sslCtxPointer()}, the
     * bare {@code SSL_CTX}.
     */
    private static long tcnativeContext(ReferenceCountedOpenSslContext c) throws SSLException {
        try {
            Field f = ReferenceCountedOpenSslContext.class.getDeclaredField("ctx");
            f.setAccessible(true);
            return f.getLong(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SSLException("cannot reach netty-tcnative's context to install the RSA signer", e);
        }
    }

    /** {@code -Dccsfront.jdkCompatibleEngines=true}: engines from {@code SslContext.newEngine} as before (measurement). */
    private static final boolean JDK_COMPATIBLE_ENGINES = Boolean.getBoolean("ccsfront.jdkCompatibleEngines");

    /** The listener's context: delegates everything, and gives each handler its handshake state. */
    private static final class SelectingContext extends SslContext {
        private final SslContext delegate;
        private final Settings s;

        SelectingContext(SslContext delegate, Settings s) {
            this.delegate = delegate;
            this.s = s;
        }

        @Override
        protected SslHandler newHandler(ByteBufAllocator a, boolean startTls) {
            return handler(engine(a, null, -1), startTls, null);
        }

        @Override
        protected SslHandler newHandler(ByteBufAllocator a, String host, int port, boolean startTls) {
            return handler(engine(a, host, port), startTls, null);
        }

        @Override
        protected SslHandler newHandler(ByteBufAllocator a, boolean startTls, Executor ex) {
            return handler(engine(a, null, -1), startTls, ex);
        }

        @Override
        protected SslHandler newHandler(ByteBufAllocator a, String host, int port, boolean startTls, Executor ex) {
            return handler(engine(a, host, port), startTls, ex);
        }

        /**
         * The engine for one connection, made the way Netty makes it for its own handlers: with
         * BoringSSL that is {@code jdkCompatibilityMode=false} (several TLS records per
         * unwrap/wrap call, fewer JNI crossings) where the public {@code newEngine} gives the
         * JDK-compatible mode (one record per call). A server engine gets no peer host: Vert.x
         * passes the client's address, which a server engine only validates as an SNI name.
         */
        private SSLEngine engine(ByteBufAllocator a, String host, int port) {
            if (JDK_COMPATIBLE_ENGINES) {
                return host == null ? delegate.newEngine(a) : delegate.newEngine(a, host, port);
            }
            if (host == null || !delegate.isClient()) {
                return delegate.newHandler(a, ImmediateExecutor.INSTANCE).engine();
            }
            return delegate.newHandler(a, host, port, ImmediateExecutor.INSTANCE).engine();
        }

        private SslHandler handler(SSLEngine engine, boolean startTls, Executor ex) {
            HandshakeState st = new HandshakeState(s.selector());
            HandshakeLookup.attach(engine, st);
            if (!s.sessionTickets() && engine instanceof ReferenceCountedOpenSslEngine e) {
                SSL.setOptions(e.sslPointer(), SSL.SSL_OP_NO_TICKET); // Netty clears it for TLS 1.3 in the engine constructor
            }
            if (engine instanceof ReferenceCountedOpenSslEngine e) {
                NoCertificateCredential.addTo(e);
            }
            return new Handler(engine, startTls, ex, st, s.selector().metrics());
        }

        @Override
        public boolean isClient() {
            return delegate.isClient();
        }

        @Override
        public List<String> cipherSuites() {
            return delegate.cipherSuites();
        }

        @Override
        public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
            return delegate.applicationProtocolNegotiator();
        }

        @Override
        public SSLEngine newEngine(ByteBufAllocator a) {
            return delegate.newEngine(a);
        }

        @Override
        public SSLEngine newEngine(ByteBufAllocator a, String h, int p) {
            return delegate.newEngine(a, h, p);
        }

        @Override
        public SSLSessionContext sessionContext() {
            return delegate.sessionContext();
        }
    }

    /** Records the local address before the handshake starts, and the handshake's outcome. */
    private static final class Handler extends SslHandler {
        private final HandshakeState st;
        private final HandshakeMetrics metrics;

        Handler(SSLEngine e, boolean startTls, Executor ex, HandshakeState st, HandshakeMetrics metrics) {
            super(e, startTls, ex == null ? ImmediateExecutor.INSTANCE : ex);
            this.st = st;
            this.metrics = metrics;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
            st.local = (InetSocketAddress) ctx.channel().localAddress();
            handshakeFuture().addListener(f -> {
                HandshakeLookup.detach(engine());
                String protocol = f.isSuccess() ? engine().getSession().getProtocol() : null;
                if (protocol != null && belowBindingMinimum(protocol)) {
                    // the binding asks for a higher TLS version than the listener's floor: refuse after the fact
                    metrics.completed(st, null, new SSLHandshakeException(protocol + " is below the binding's mintlsversion"));
                    ctx.close();
                    return;
                }
                PreparedCertificate served = st.prepared();
                if (protocol != null && served != null) {
                    // what the proxy checks the Host against (421): the certificate chosen for this connection
                    ServedCertificate.record(engine().getSession(), served.summary());
                }
                metrics.completed(st, protocol, f.cause());
            });
            super.handlerAdded(ctx);
        }

        private boolean belowBindingMinimum(String protocol) {
            var d = st.decision();
            return d != null && d.selected() && d.tls().minVersion() == TlsVersion.TLS_1_3
                    && !"TLSv1.3".equals(protocol);
        }

        @Override
        public void handlerRemoved0(ChannelHandlerContext ctx) throws Exception {
            HandshakeLookup.detach(engine());
            super.handlerRemoved0(ctx);
        }
    }
}
