package io.ccsfront.selection;

/** The TLS alerts a failed selection ends the handshake with (RFC 8446 §6). */
public enum TlsAlert {
    /** 112: the client sent SNI and no level yielded a certificate. */
    UNRECOGNIZED_NAME(112, "unrecognized_name"),
    /** 40: no SNI was sent and no level yielded a certificate, or the selected certificate is unusable. */
    HANDSHAKE_FAILURE(40, "handshake_failure");

    private final int code;
    private final String text;

    TlsAlert(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }
}
