/**
 * {@code ccsctl}'s entry point: the root command with the global options, every verb under it,
 * and the mapping of failures to one-line messages and exit codes.
 *
 * <p>Nothing imports it; never imports frontend-node.
 */
package io.ccsfront.cli.main;
