/**
 * {@code ccsctl ccs}: the Central Certificate Store by hostname (put, list, show, delete).
 *
 * <p>Never imports {@code cli.main}, nor anything of frontend-node.
 */
package io.ccsfront.cli.ccs;
