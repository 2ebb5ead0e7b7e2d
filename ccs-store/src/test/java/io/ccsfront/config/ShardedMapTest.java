package io.ccsfront.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The persistent map behind the 100,000-entry CCS: every update returns a new map and leaves the old one intact. */
class ShardedMapTest {

    @Test
    void emptyHoldsNothing() {
        ShardedMap<String, Integer> m = ShardedMap.empty();
        assertThat(m.size()).isZero();
        assertThat(m.isEmpty()).isTrue();
        assertThat(m.get("a")).isNull();
        assertThat(m.containsKey("a")).isFalse();
        assertThat(m).hasToString("ShardedMap[size=0]");
    }

    @Test
    void withAddsWithoutChangingTheOriginal() {
        ShardedMap<String, Integer> empty = ShardedMap.empty();
        ShardedMap<String, Integer> one = empty.with("a", 1);
        assertThat(one.get("a")).isEqualTo(1);
        assertThat(one.size()).isEqualTo(1);
        assertThat(empty.get("a")).isNull();
        assertThat(empty.size()).isZero();
    }

    @Test
    void withReplacesAnExistingKeyWithoutGrowing() {
        ShardedMap<String, Integer> m = ShardedMap.<String, Integer>empty().with("a", 1).with("a", 2);
        assertThat(m.get("a")).isEqualTo(2);
        assertThat(m.size()).isEqualTo(1);
    }

    @Test
    void withoutRemovesAndAMissingKeyReturnsTheSameMap() {
        ShardedMap<String, Integer> m = ShardedMap.of(Map.of("a", 1, "b", 2));
        ShardedMap<String, Integer> less = m.without("a");
        assertThat(less.containsKey("a")).isFalse();
        assertThat(less.size()).isEqualTo(1);
        assertThat(m.get("a")).isEqualTo(1);
        assertThat(m.without("zzz")).isSameAs(m);
        assertThat(less.without("b").isEmpty()).isTrue();
    }

    @Test
    void withAllAppliesPutsThenRemoves() {
        ShardedMap<String, Integer> m = ShardedMap.of(Map.of("a", 1, "b", 2));
        ShardedMap<String, Integer> next = m.withAll(Map.of("c", 3, "a", 10, "d", 4), List.of("b", "d", "missing"));
        assertThat(next.toMap()).isEqualTo(Map.of("a", 10, "c", 3));
        assertThat(next.size()).isEqualTo(2);
        assertThat(m.toMap()).isEqualTo(Map.of("a", 1, "b", 2));
    }

    @Test
    void equalContentIsEqualHowEverItWasBuilt() {
        Map<Integer, String> source = new HashMap<>();
        ShardedMap<Integer, String> stepwise = ShardedMap.empty();
        for (int i = 0; i < 10_000; i++) {
            source.put(i, "v" + i);
            stepwise = stepwise.with(i, "v" + i);
        }
        ShardedMap<Integer, String> bulk = ShardedMap.of(source);
        assertThat(bulk).isEqualTo(stepwise).hasSameHashCodeAs(stepwise);
        assertThat(bulk.size()).isEqualTo(10_000);
        assertThat(bulk.toMap()).isEqualTo(source);
        assertThat(bulk.keys()).hasSize(10_000).containsAll(source.keySet());
        assertThat(bulk.values()).hasSize(10_000);
        assertThat(bulk.without(5)).isNotEqualTo(bulk);
        assertThat(bulk.with(5, "other")).isNotEqualTo(bulk);
        assertThat(bulk.without(5).with(5, "v5")).isEqualTo(bulk);
    }

    @Test
    void emptyMapsAreEqualAfterRemovingEverything() {
        ShardedMap<String, Integer> m = ShardedMap.<String, Integer>empty().with("a", 1).without("a");
        assertThat(m).isEqualTo(ShardedMap.empty()).hasSameHashCodeAs(ShardedMap.empty());
    }

    @Test
    void forEachVisitsEveryEntryOnce() {
        ShardedMap<String, Integer> m = ShardedMap.of(Map.of("a", 1, "b", 2, "c", 3));
        Map<String, Integer> seen = new HashMap<>();
        m.forEach((k, v) -> assertThat(seen.put(k, v)).isNull());
        assertThat(seen).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
    }

    @Test
    void nullKeysAndValuesAreRefused() {
        Map<String, Integer> nullValue = new HashMap<>();
        nullValue.put("a", null);
        assertThatThrownBy(() -> ShardedMap.of(nullValue)).isInstanceOf(NullPointerException.class).hasMessage("value");
        Map<String, Integer> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> ShardedMap.of(nullKey)).isInstanceOf(NullPointerException.class).hasMessage("key");
    }
}
