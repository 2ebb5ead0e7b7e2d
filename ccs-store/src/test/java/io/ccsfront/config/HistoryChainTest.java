package io.ccsfront.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccsfront.store.History;
import io.ccsfront.testing.TestPki;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hash chain over applied records: equal histories, equal chains; a record from another history is refused. */
class HistoryChainTest {

    static final Instant T = Instant.parse("2026-11-22T00:00:00Z");

    @Test
    void sameRecordsInTheSameOrderGiveTheSameChain() {
        ConfigChange a = new ConfigChange.PutCcs("a.example", TestPki.get().leaf("a.example").stored());
        ConfigChange b = new ConfigChange.CreateStore("Extra");
        ChangeRecord r1 = ChangeRecord.next(ConfigSnapshot.empty(), a, "x", T);
        ConfigSnapshot s1 = History.apply(r1, ConfigSnapshot.empty());
        ChangeRecord r2 = ChangeRecord.next(s1, b, "x", T);
        ConfigSnapshot nodeA = History.apply(r2, s1);
        ConfigSnapshot nodeB = History.apply(r2, History.apply(r1, ConfigSnapshot.empty()));
        assertThat(nodeA.chain()).hasSize(64).isEqualTo(nodeB.chain());
        assertThat(nodeA).isEqualTo(nodeB);
    }

    @Test
    void recordComputedOnADivergedHistoryIsRefused() {
        ConfigSnapshot s1 = History.apply(ChangeRecord.next(ConfigSnapshot.empty(), new ConfigChange.CreateStore("One"), "x", T), ConfigSnapshot.empty());
        // two sides of a split brain each commit their own version 2
        ConfigSnapshot left = History.apply(ChangeRecord.next(s1, new ConfigChange.CreateStore("Left"), "x", T), s1);
        ConfigSnapshot right = History.apply(ChangeRecord.next(s1, new ConfigChange.CreateStore("Right"), "x", T), s1);
        assertThat(left.version()).isEqualTo(right.version());
        ChangeRecord leftsThird = ChangeRecord.next(left, new ConfigChange.CreateStore("Three"), "x", T);
        assertThatThrownBy(() -> History.apply(leftsThird, right)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("computed on another history");
    }
}
