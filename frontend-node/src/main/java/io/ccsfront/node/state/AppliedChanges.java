package io.ccsfront.node.state;

import io.ccsfront.config.ChangeRecord;
import io.ccsfront.config.ConfigSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one configuration listener for state kept by certificate: for each applied change it works
 * out once which certificates the change touched ({@link AppliedChange}) and hands that to every
 * consumer in the order they subscribed (the TLS layer, then the audit log). A consumer that
 * fails is logged and the others still run.
 */
public final class AppliedChanges implements ConfigService.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(AppliedChanges.class);

    private final List<Consumer<AppliedChange>> consumers = new CopyOnWriteArrayList<>();

    private AppliedChanges() {
    }

    /** Listens to {@code service}'s applied changes. */
    public static AppliedChanges of(ConfigService service) {
        AppliedChanges changes = new AppliedChanges();
        service.addListener(changes);
        return changes;
    }

    /** Adds a consumer; it sees every change applied from now on. */
    public void subscribe(Consumer<AppliedChange> consumer) {
        consumers.add(consumer);
    }

    @Override
    public void applied(ConfigSnapshot before, ConfigSnapshot after, ChangeRecord record) {
        AppliedChange change = AppliedChange.of(before, after, record);
        for (Consumer<AppliedChange> c : consumers) {
            try {
                c.accept(change);
            } catch (RuntimeException e) {
                LOG.error("consumer of configuration version {} failed", after.version(), e);
            }
        }
    }
}
