/**
 * {@code ccsctl rotate}: one rotation committed, then proved by real handshakes against every
 * node's HTTPS endpoints.
 *
 * <p>Never imports {@code cli.main}, nor anything of frontend-node.
 */
package io.ccsfront.cli.rotate;
