/**
 * The front-end node's composition root: {@link io.ccsfront.node.Main} reads the options,
 * {@link io.ccsfront.node.FrontendNode} builds each component from its settings record and the
 * services it uses, binds the TLS, HTTP and admin listeners (one server instance per event loop)
 * and stops them in order; {@code Demo} adds the {@code --demo} sites.
 *
 * <p>The top of the module: it imports every node package, and no package imports it.
 */
package io.ccsfront.node;
