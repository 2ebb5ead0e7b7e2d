package io.ccsfront.node.proxy;

import java.util.zip.CRC32;

/**
 * A deterministic byte stream generated from a counter, so that hundreds of megabytes can be
 * sent and checked without ever being held in memory.
 */
final class Pattern {

    static final int CHUNK = 64 * 1024;

    private Pattern() {
    }

    /** The byte at absolute offset {@code p}. */
    static byte at(long p) {
        return (byte) (p ^ (p >>> 8) ^ (p >>> 19) ^ 0x5a);
    }

    /** Fills {@code into} with the bytes starting at {@code offset}; returns how many were written. */
    static int fill(byte[] into, long offset, long total) {
        int n = (int) Math.min(into.length, total - offset);
        for (int i = 0; i < n; i++) {
            into[i] = at(offset + i);
        }
        return n;
    }

    /** CRC-32 of the first {@code total} bytes. */
    static long crc(long total) {
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[CHUNK];
        for (long off = 0; off < total; ) {
            int n = fill(chunk, off, total);
            crc.update(chunk, 0, n);
            off += n;
        }
        return crc.getValue();
    }
}
