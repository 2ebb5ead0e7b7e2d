/**
 * The web console at {@code /console/} on the admin listener: its static files (plain HTML, CSS
 * and JavaScript modules from the jar), sign-in sessions held by the node (an {@code HttpOnly},
 * {@code SameSite=Strict} cookie in the browser, never the token), the cookie side of the admin
 * API's authentication with its CSRF and origin checks, the security headers, and the event
 * stream of configuration versions. The console calls the admin API like any client; this
 * package adds no way to change the configuration of its own.
 *
 * <p>Receives what it uses ({@link io.ccsfront.node.admin.console.ConsoleRoutes.Services}); must
 * never import {@code FrontendNode}, the cluster, the TLS path or the admin API's resource classes.
 */
package io.ccsfront.node.admin.console;
