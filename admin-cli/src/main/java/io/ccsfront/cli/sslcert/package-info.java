/**
 * {@code ccsctl sslcert} and {@code ccsctl http}: SSL bindings in {@code netsh http}'s vocabulary
 * (add, update, delete, show), the netsh command line accepted as is.
 *
 * <p>Never imports {@code cli.main}, nor anything of frontend-node.
 */
package io.ccsfront.cli.sslcert;
