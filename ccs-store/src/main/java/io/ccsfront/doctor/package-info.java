/**
 * {@code doctor}: findings over a configuration snapshot — handshakes that would fail, certificates
 * missing, keyless, expiring or filed under a name they do not cover, sites whose bindings cannot
 * be served — each with a severity, a code and a fix.
 *
 * <p>Reads the domain and runs {@code selection}; never imports the storage format, nor Netty,
 * Vert.x or Hazelcast.
 */
package io.ccsfront.doctor;
