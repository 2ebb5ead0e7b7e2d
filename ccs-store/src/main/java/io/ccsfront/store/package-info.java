/**
 * Storage: the canonical JSON of change records and snapshots
 * ({@link io.ccsfront.store.ConfigCodec}, docs/STORAGE.md), the configuration history as a hash
 * chain ({@link io.ccsfront.store.History}), the durable local journal and snapshots
 * ({@link io.ccsfront.store.LocalConfigStore}), and the IIS Central Certificate Store folder
 * ({@link io.ccsfront.store.CcsFolderProvider}). Private keys are written only sealed.
 *
 * <p>Imports the domain; never selection or doctor, nor Netty, Vert.x or Hazelcast (the cluster
 * replicates what this package encodes, from the node).
 */
package io.ccsfront.store;
