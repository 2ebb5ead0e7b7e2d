package io.ccsfront.selection;

/** What the client sent as SNI. */
public enum SniStatus {
    /** No server_name extension. */
    ABSENT,
    /** A valid DNS name (after normalisation). */
    VALID,
    /** Something that is not a DNS name (an IP literal, bad characters, too long); treated as absent and counted. */
    INVALID
}
