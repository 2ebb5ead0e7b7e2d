/**
 * JMH benchmarks of the selection engine over large configurations, and their fixtures.
 *
 * <p>Uses ccs-store only; never frontend-node.
 */
package io.ccsfront.loadtest;
