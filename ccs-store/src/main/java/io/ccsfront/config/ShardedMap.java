package io.ccsfront.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable map whose updates copy only one shard: the configuration holds 100,000 CCS
 * entries and a rotation or a single edit must not copy all of them. Reads are one array
 * index and one {@link HashMap} lookup, without locks.
 *
 * <p>Internal: not part of the public API.
 */
final class ShardedMap<K, V> {

    private static final int SHARDS = 256;
    private static final ShardedMap<?, ?> EMPTY = new ShardedMap<>(new Map<?, ?>[SHARDS], 0);

    private final Map<K, V>[] shards;
    private final int size;

    private ShardedMap(Map<?, ?>[] shards, int size) {
        @SuppressWarnings("unchecked")
        Map<K, V>[] s = (Map<K, V>[]) shards;
        this.shards = s;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    public static <K, V> ShardedMap<K, V> empty() {
        return (ShardedMap<K, V>) EMPTY;
    }

    public static <K, V> ShardedMap<K, V> of(Map<K, V> entries) {
        return ShardedMap.<K, V>empty().withAll(entries, List.of());
    }

    private static int shard(Object key) {
        int h = key.hashCode();
        h ^= (h >>> 16);
        h *= 0x45d9f3b;
        h ^= (h >>> 16);
        return h & (SHARDS - 1);
    }

    public V get(K key) {
        Map<K, V> m = shards[shard(key)];
        return m == null ? null : m.get(key);
    }

    public boolean containsKey(K key) {
        Map<K, V> m = shards[shard(key)];
        return m != null && m.containsKey(key);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public ShardedMap<K, V> with(K key, V value) {
        return withAll(Map.of(key, value), List.of());
    }

    public ShardedMap<K, V> without(K key) {
        if (!containsKey(key)) {
            return this;
        }
        return withAll(Map.of(), List.of(key));
    }

    /** Puts {@code puts} and removes {@code removes}, copying each touched shard once. */
    public ShardedMap<K, V> withAll(Map<K, V> puts, Iterable<K> removes) {
        Map<?, ?>[] copy = shards.clone();
        boolean[] copied = new boolean[SHARDS];
        int newSize = size;
        for (Map.Entry<K, V> e : puts.entrySet()) {
            K k = Objects.requireNonNull(e.getKey(), "key");
            V v = Objects.requireNonNull(e.getValue(), "value");
            int i = shard(k);
            Map<K, V> m = writable(copy, copied, i);
            if (m.put(k, v) == null) {
                newSize++;
            }
        }
        for (K k : removes) {
            int i = shard(k);
            if (copy[i] == null || !copy[i].containsKey(k)) {
                continue;
            }
            Map<K, V> m = writable(copy, copied, i);
            m.remove(k);
            newSize--;
        }
        for (int i = 0; i < SHARDS; i++) {
            if (copied[i]) {
                copy[i] = copy[i].isEmpty() ? null : Collections.unmodifiableMap(copy[i]);
            }
        }
        return new ShardedMap<>(copy, newSize);
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> writable(Map<?, ?>[] copy, boolean[] copied, int i) {
        if (!copied[i]) {
            Map<K, V> old = (Map<K, V>) copy[i];
            copy[i] = old == null ? new HashMap<>() : new HashMap<>(old);
            copied[i] = true;
        }
        return (Map<K, V>) copy[i];
    }

    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (Map<K, V> m : shards) {
            if (m != null) {
                m.forEach(action);
            }
        }
    }

    public List<V> values() {
        List<V> out = new ArrayList<>(size);
        forEach((k, v) -> out.add(v));
        return out;
    }

    public List<K> keys() {
        List<K> out = new ArrayList<>(size);
        forEach((k, v) -> out.add(k));
        return out;
    }

    /** A plain mutable copy, for serialisation and tests. */
    public Map<K, V> toMap() {
        Map<K, V> out = new HashMap<>(Math.max(16, size * 4 / 3 + 1));
        forEach(out::put);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ShardedMap<?, ?> other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < SHARDS; i++) {
            Map<?, ?> a = shards[i];
            Map<?, ?> b = other.shards[i];
            if (a != b && !Objects.equals(a == null ? Map.of() : a, b == null ? Map.of() : b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map<K, V> m : shards) {
            if (m != null) {
                h += m.hashCode();
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return "ShardedMap[size=" + size + "]";
    }
}
