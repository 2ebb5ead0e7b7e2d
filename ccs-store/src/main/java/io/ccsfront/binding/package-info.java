/**
 * SSL bindings as HTTP.SYS keeps them ({@code ipport}, {@code hostnameport}, {@code ccs}; their
 * TLS options) and IIS site bindings ({@code https/*:443:www.contoso.com}, SSL flags), with the
 * {@code netsh http} and {@code appcmd} forms both read and written, and the values they are made
 * of (IP:port, ports, app ids, store names).
 *
 * <p>Imports only {@code cert} and {@code name}: never the configuration, selection or storage,
 * nor Netty, Vert.x or Hazelcast.
 */
package io.ccsfront.binding;
