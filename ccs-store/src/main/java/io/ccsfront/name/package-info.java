/**
 * Hostnames: normalisation (IDN to A-labels, case, trailing dot), RFC 6125 matching of a
 * certificate's names, and the Central Certificate Store's keys ({@code www.contoso.com},
 * {@code _.contoso.com}) with the one-label wildcard rule.
 *
 * <p>The bottom of the domain: it imports no other ccsfront package, and nothing of Netty,
 * Vert.x or Hazelcast.
 */
package io.ccsfront.name;
