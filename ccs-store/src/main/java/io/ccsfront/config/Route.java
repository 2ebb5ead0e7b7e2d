package io.ccsfront.config;

import io.ccsfront.binding.SiteBinding;
import java.net.InetAddress;

/** One entry of the routing index: a site binding of a site, reachable on {@code address} ({@code null} = {@code *}). */
public record Route(InetAddress address, String siteKey, long siteId, SiteBinding binding) {
}
