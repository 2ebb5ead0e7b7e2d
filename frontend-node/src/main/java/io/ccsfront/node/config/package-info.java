/**
 * The node's options: every option with its default and description ({@link io.ccsfront.node.config.Option}),
 * their sources in order (defaults, YAML, environment, {@code --set}; {@link io.ccsfront.node.config.NodeConfig}),
 * the node's own typed settings ({@link io.ccsfront.node.config.NodeSettings}) and its secrets
 * (master key, admin token). Each component reads its options into its own settings record.
 *
 * <p>Imports no other node package.
 */
package io.ccsfront.node.config;
