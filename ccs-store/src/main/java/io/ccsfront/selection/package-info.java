/**
 * The five-level certificate selection of HTTP.SYS — exact IP:port, hostname:port (SNI), the
 * Central Certificate Store, the IPv6 wildcard, the IPv4 wildcard — as a pure function of
 * (local address, port, SNI) over a {@link io.ccsfront.config.ConfigSnapshot}:
 * {@link io.ccsfront.selection.Selector} returns a {@link io.ccsfront.selection.Decision} with
 * every level's verdict ({@code explain}) and the TLS alert of a refusal.
 *
 * <p>Pure: it imports the domain ({@code config}, {@code binding}, {@code cert}, {@code name})
 * and never reaches the node ({@code cluster}, {@code proxy}, {@code admin}, {@code tls}), nor
 * Netty, Vert.x or Hazelcast. The front end adapts it to the TLS engines.
 */
package io.ccsfront.selection;
