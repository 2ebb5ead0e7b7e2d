/**
 * {@code ccsctl cluster status}: every member, its configuration version and whether its
 * listeners answer.
 *
 * <p>Never imports {@code cli.main}, nor anything of frontend-node.
 */
package io.ccsfront.cli.cluster;
