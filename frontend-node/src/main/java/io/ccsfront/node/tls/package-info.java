/**
 * Per-handshake certificate selection in the TLS engines (BoringSSL and the JDK's).
 * {@link io.ccsfront.node.tls.TlsWiring} builds it all and is the one home of "a change happened →
 * which TLS state is dropped". One handshake goes one way: {@code VertxTlsSeam} (the only class
 * that knows Vert.x's TLS SPI) gives each connection a {@code HandshakeState} holding its local
 * address; the engine's SNI matcher or key manager asks it once; it asks
 * {@code HandshakeSelector.choose(local, sni)} — selection, the prepared certificate from the
 * {@link io.ccsfront.node.tls.CertificateCache}, metrics — and keeps the answer. Callbacks without
 * context find their connection through {@code HandshakeLookup} only.
 *
 * <p>Never imports {@code admin}, {@code proxy} or {@code cluster}.
 */
package io.ccsfront.node.tls;
