/**
 * Benchmark tools run outside the test suite: a JMH benchmark of a cold certificate's first
 * handshake, certificate generation and data-folder seeding for the scale runs, and the
 * plain-Netty TLS server the handshake comparison measures against.
 *
 * <p>Uses ccs-store only; never frontend-node (the node is measured as a process).
 */
package io.ccsfront.bench;
