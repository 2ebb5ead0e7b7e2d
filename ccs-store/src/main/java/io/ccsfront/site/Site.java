package io.ccsfront.site;

import io.ccsfront.binding.SiteBinding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A hosted site: a name, an id, its site bindings and the pool of web workers (backend base
 * URLs such as {@code http://10.0.0.7:8080}) its requests are forwarded to.
 */
public record Site(String name, long id, List<SiteBinding> bindings, List<URI> workers) {

    public Site {
        name = checkName(name);
        if (id < 1) {
            throw new IllegalArgumentException("site id must be positive: " + id);
        }
        bindings = List.copyOf(bindings);
        Set<String> seen = new HashSet<>();
        for (SiteBinding b : bindings) {
            if (!seen.add(b.protocol() + "/" + b.bindingInformation())) { // IIS keys bindings by protocol + bindingInformation
                throw new IllegalArgumentException("duplicate binding on site " + name + ": " + b);
            }
        }
        List<URI> ws = new ArrayList<>();
        for (URI w : workers) {
            URI n = checkWorker(w);
            if (ws.contains(n)) {
                throw new IllegalArgumentException("duplicate worker on site " + name + ": " + n);
            }
            ws.add(n);
        }
        workers = List.copyOf(ws);
    }

    public Site withBindings(List<SiteBinding> b) {
        return new Site(name, id, b, workers);
    }

    public Site withWorkers(List<URI> w) {
        return new Site(name, id, bindings, w);
    }

    /** Site names: 1–128 characters, no control characters, no '/'. Compared case-insensitively. */
    public static String checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 128 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/')) {
            throw new IllegalArgumentException("site name must be 1-128 printable characters without '/': " + name);
        }
        return name.strip();
    }

    /** The key sites are indexed by. */
    public static String key(String name) {
        return checkName(name).toLowerCase(Locale.ROOT);
    }

    /** A worker URL: http or https, a host, an optional port and path; no query, fragment or user info. */
    public static URI checkWorker(URI w) {
        Objects.requireNonNull(w, "worker");
        String scheme = w.getScheme() == null ? "" : w.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || w.getHost() == null || w.getRawQuery() != null
                || w.getRawFragment() != null || w.getRawUserInfo() != null) {
            throw new IllegalArgumentException("worker must be an http(s)://host[:port][/path] URL: " + w);
        }
        if (w.getPort() == 0 || w.getPort() > 65535) {
            throw new IllegalArgumentException("worker port out of range 1-65535: " + w);
        }
        String path = w.getRawPath() == null || w.getRawPath().equals("/") ? "" : w.getRawPath();
        return URI.create(scheme + "://" + w.getRawAuthority().toLowerCase(Locale.ROOT) + path);
    }

    public static URI parseWorker(String text) {
        try {
            return checkWorker(new URI(text == null ? "" : text.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("worker must be an http(s)://host[:port][/path] URL: " + text);
        }
    }
}
