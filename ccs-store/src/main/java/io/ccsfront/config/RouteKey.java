package io.ccsfront.config;

import io.ccsfront.binding.SiteBinding;

/** Routing index key: protocol, port and host header ("" for bindings without one). */
record RouteKey(SiteBinding.Protocol protocol, int port, String host) {
}
