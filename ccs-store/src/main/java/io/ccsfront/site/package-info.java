/**
 * Sites: a name, an id, its bindings and its web workers (what IIS's site list and ARR's server
 * farm hold).
 *
 * <p>Imports only {@code binding}: never the configuration, selection or storage, nor Netty,
 * Vert.x or Hazelcast.
 */
package io.ccsfront.site;
