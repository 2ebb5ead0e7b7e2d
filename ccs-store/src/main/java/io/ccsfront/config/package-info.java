/**
 * The configuration as one immutable {@link io.ccsfront.config.ConfigSnapshot} (stores, bindings,
 * the CCS, sites, pending requests, with the indexes selection and routing read), the changes
 * that make the next one ({@link io.ccsfront.config.ConfigChange}, applied and checked by
 * {@code ChangeApplier}, built by {@link io.ccsfront.config.SnapshotBuilder}), the committed
 * {@link io.ccsfront.config.ChangeRecord}, and which certificates a change touches
 * ({@link io.ccsfront.config.AffectedCertificates}). A change builds a new snapshot that shares
 * what it did not touch; readers never lock.
 *
 * <p>Imports only {@code binding}, {@code cert}, {@code name} and {@code site}: never selection,
 * doctor or the storage format ({@code store}), nor Netty, Vert.x or Hazelcast.
 */
package io.ccsfront.config;
