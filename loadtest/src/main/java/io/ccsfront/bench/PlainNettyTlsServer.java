package io.ccsfront.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.internal.tcnative.SSL;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Calibration peer for {@code handshake-bench.sh} (server {@code netty-plain}), not part of the
 * product: the smallest Netty 4.2 + BoringSSL HTTPS server that does what the benchmark asks of
 * every server — one wildcard-free listener, TLS 1.3, ALPN http/1.1, no session tickets, the
 * certificate chosen per handshake by SNI from the same 10,000 PEM files HAProxy loads, through
 * Netty's caching key-manager factory, one event loop that also accepts, and a fixed
 * {@code 200 ok} per request. It shows what the JVM + Netty + BoringSSL floor costs on the same
 * run as nginx and HAProxy, so that the node's own per-connection work can be told apart from it.
 *
 * <pre>java -cp loadtest/target/benchmarks.jar io.ccsfront.bench.PlainNettyTlsServer PEM_DIR HOST PORT</pre>
 */
public final class PlainNettyTlsServer {

    private PlainNettyTlsServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: PlainNettyTlsServer PEM_DIR HOST PORT");
            System.exit(64);
        }
        Map<String, Entry> byName = load(Path.of(args[0]));
        KeyManagerFactory kmf = new OpenSslCachingX509KeyManagerFactory(new Kmf(new SniKeyManager(byName)), byName.size() + 16);
        SslContext ctx = SslContextBuilder.forServer(kmf)
                .sslProvider(SslProvider.OPENSSL)
                .protocols("TLSv1.3")
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_1_1))
                .build();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler tls = ctx.newHandler(ch.alloc());
                        SSL.setOptions(((ReferenceCountedOpenSslEngine) tls.engine()).sslPointer(), SSL.SSL_OP_NO_TICKET);
                        ch.pipeline().addLast(tls, new HttpServerCodec(), new Ok());
                    }
                })
                .bind(new InetSocketAddress(args[1], Integer.parseInt(args[2]))).sync();
        System.out.println("netty-plain: " + byName.size() + " certificates, listening on " + args[1] + ":" + args[2]);
        group.terminationFuture().sync();
    }

    private static final class Ok extends SimpleChannelInboundHandler<HttpObject> {
        private static final byte[] BODY = "ok".getBytes(StandardCharsets.US_ASCII);

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpRequest) {
                FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(BODY));
                r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain").setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
                ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    private record Entry(X509Certificate[] chain, PrivateKey key) {
    }

    private static Map<String, Entry> load(Path dir) throws Exception {
        Map<String, Entry> m = new HashMap<>();
        JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".pem"))::iterator) {
                List<X509Certificate> chain = new ArrayList<>();
                PrivateKey key = null;
                try (Reader r = Files.newBufferedReader(f); PEMParser p = new PEMParser(r)) {
                    for (Object o = p.readObject(); o != null; o = p.readObject()) {
                        if (o instanceof X509CertificateHolder h) {
                            chain.add(certs.getCertificate(h));
                        } else if (o instanceof PrivateKeyInfo k) {
                            key = keys.getPrivateKey(k);
                        } else if (o instanceof PEMKeyPair k) {
                            key = keys.getPrivateKey(k.getPrivateKeyInfo());
                        }
                    }
                }
                String name = f.getFileName().toString().replaceFirst("\\.pem$", "");
                m.put(name, new Entry(chain.toArray(X509Certificate[]::new), key));
            }
        }
        return m;
    }

    /** Chooses by the SNI of the handshake; the alias is the hostname. */
    private static final class SniKeyManager extends ServerKeyManager {
        private final Map<String, Entry> byName;

        SniKeyManager(Map<String, Entry> byName) {
            this.byName = byName;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            if (engine.getHandshakeSession() instanceof ExtendedSSLSession s) {
                for (SNIServerName n : s.getRequestedServerNames()) {
                    if (n instanceof SNIHostName h && byName.containsKey(h.getAsciiName())) {
                        return h.getAsciiName();
                    }
                }
            }
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            Entry e = byName.get(alias);
            return e == null ? null : e.chain();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            Entry e = byName.get(alias);
            return e == null ? null : e.key();
        }
    }

    private static final class Kmf extends KeyManagerFactory {
        Kmf(KeyManager km) {
            super(new KeyManagerFactorySpi() {
                @Override
                protected void engineInit(KeyStore ks, char[] password) {
                }

                @Override
                protected void engineInit(ManagerFactoryParameters spec) {
                }

                @Override
                protected KeyManager[] engineGetKeyManagers() {
                    return new KeyManager[] {km};
                }
            }, null, "plain");
        }
    }
}
