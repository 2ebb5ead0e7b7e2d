/**
 * The node's configuration state: the {@link io.ccsfront.node.state.ConfigService} every
 * component reads and commits through (standalone: {@link io.ccsfront.node.state.LocalConfigService}),
 * the one feed of applied changes with the certificates each touched
 * ({@link io.ccsfront.node.state.AppliedChanges}), what the installer commits on start
 * ({@link io.ccsfront.node.state.Installer}: the Default certificate, {@code ccs.bindPorts}), and
 * the CCS folder watcher.
 *
 * <p>Never imports {@code admin}, {@code cluster}, {@code proxy} or {@code tls}.
 */
package io.ccsfront.node.state;
