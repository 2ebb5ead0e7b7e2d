/**
 * What every {@code ccsctl} verb uses: the admin API client ({@link io.ccsfront.cli.AdminClient},
 * {@link io.ccsfront.cli.ApiError}), the base command with the global options it reads
 * ({@link io.ccsfront.cli.CliCommand}, {@link io.ccsfront.cli.Connection}), input files, tables
 * and exit-code failures ({@link io.ccsfront.cli.CliException}).
 *
 * <p>Never imports a verb's package or {@code cli.main}, nor anything of frontend-node: ccsctl
 * speaks to nodes over HTTP only.
 */
package io.ccsfront.cli;
