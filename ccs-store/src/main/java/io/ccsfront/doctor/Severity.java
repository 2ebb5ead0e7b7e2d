package io.ccsfront.doctor;

/** How bad a {@link Finding} is. Findings sort by severity first, in this order. */
public enum Severity {
    /** Handshakes fail or serve a certificate the client rejects, now. */
    ERROR,
    /** Works today, but clients warn, or it will break (expiry), or another binding takes over on some addresses. */
    WARNING,
    /** Worth knowing before a change: for example which sites a binding's deletion would break. */
    INFO
}
