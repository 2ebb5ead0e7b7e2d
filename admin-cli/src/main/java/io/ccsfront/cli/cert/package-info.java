/**
 * {@code ccsctl cert}: the thumbprint stores ({@code certutil}'s vocabulary) and certificate
 * requests: import, list, show, delete, export, request, complete.
 *
 * <p>Never imports {@code cli.main}, nor anything of frontend-node.
 */
package io.ccsfront.cli.cert;
