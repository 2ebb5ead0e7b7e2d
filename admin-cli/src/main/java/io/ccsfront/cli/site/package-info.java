/**
 * {@code ccsctl site}: sites, their bindings and their web workers ({@code appcmd}'s vocabulary).
 *
 * <p>Never imports {@code cli.main}, nor anything of frontend-node.
 */
package io.ccsfront.cli.site;
