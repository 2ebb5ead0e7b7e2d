package io.ccsfront.doctor;

import io.ccsfront.binding.SiteBinding;
import io.ccsfront.selection.Level;
import java.util.Objects;

/**
 * A site binding whose handshakes use an SSL binding today ({@link Doctor#dependents}): what
 * breaks, or changes certificate, if that SSL binding is deleted or rebound.
 *
 * @param site    the site's name
 * @param binding the site binding (an {@code https} one)
 * @param level   the selection level at which the SSL binding serves it
 */
public record Dependent(String site, SiteBinding binding, Level level) {

    public Dependent {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(level, "level");
    }

    @Override
    public String toString() {
        return site + " (" + binding.protocol().text() + "/" + binding.bindingInformation() + ")";
    }
}
