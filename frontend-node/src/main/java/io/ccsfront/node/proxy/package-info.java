/**
 * Routing decrypted requests to each site's web workers (ARR's job): the site by Host header and
 * listener, a healthy worker, forwarding with {@code X-Forwarded-*}, WebSocket tunnels, and
 * {@code 421} when the certificate served on the connection does not cover the host. What it
 * needs from TLS it declares ({@link io.ccsfront.node.proxy.ServedCertificates}); the node plugs
 * the TLS layer's answer in.
 *
 * <p>Never imports {@code cluster}, {@code admin} or {@code tls}.
 */
package io.ccsfront.node.proxy;
