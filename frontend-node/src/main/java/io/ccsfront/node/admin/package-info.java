/**
 * The admin listener ({@link io.ccsfront.node.admin.AdminServer}: token check, {@code /metrics},
 * {@code /health}) and the admin REST API under {@code /admin/v1} ({@link io.ccsfront.node.admin.AdminApi},
 * one class per resource), with the audit log. The API receives what it uses as one
 * {@link io.ccsfront.node.admin.AdminServices} record, so it starts in a test without a node.
 *
 * <p>Never imports the node's composition root ({@code FrontendNode}), nor {@code tls} or
 * {@code proxy}: it sees the certificate cache through {@link io.ccsfront.node.admin.CacheView}.
 */
package io.ccsfront.node.admin;
