package io.ccsfront.config;

/** The key of an SNI binding: a normalised hostname and a port. */
record HostPort(String host, int port) {
}
