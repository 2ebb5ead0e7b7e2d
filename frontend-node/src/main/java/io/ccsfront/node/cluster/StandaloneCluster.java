package io.ccsfront.node.cluster;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** A cluster of one: the node itself. */
public final class StandaloneCluster implements ClusterView {

    private final String name;
    private final Supplier<Member> self;

    public StandaloneCluster(String name, String adminUrl, Supplier<List<String>> https, LongSupplier version) {
        this.name = name;
        this.self = () -> new Member(name, adminUrl, https.get(), version.getAsLong(), true);
    }

    @Override
    public List<Member> members() {
        return List.of(self.get());
    }

    @Override
    public String self() {
        return name;
    }
}
