/**
 * {@code ccsctl explain} and {@code ccsctl doctor}: which certificate a handshake gets and why,
 * and the findings over the configuration.
 *
 * <p>Never imports {@code cli.main}, nor anything of frontend-node.
 */
package io.ccsfront.cli.diagnose;
