package io.ccsfront.selection;

import io.ccsfront.binding.SslBinding;
import io.ccsfront.binding.TlsOptions;
import io.ccsfront.cert.StoredCertificate;
import java.util.List;
import java.util.Objects;

/**
 * The result of selection for one handshake: which level matched, the binding, the CCS key
 * (for level 3) and the certificate — or no certificate and the TLS alert to send. {@code trace}
 * is filled only by {@link Selector#explain}; {@link Selector#select} leaves it empty.
 *
 * @param unusableSkipped levels whose certificate could not be used and were passed over
 *                        because fall-through is enabled (each one is logged and counted)
 */
public record Decision(Outcome outcome, Level level, SslBinding binding, String ccsKey, StoredCertificate certificate,
                       TlsAlert alert, String sni, SniStatus sniStatus, int unusableSkipped, String problem,
                       List<LevelTrace> trace) {

    public enum Outcome {
        /** A certificate was chosen. */
        SELECTED,
        /** No level matched. */
        NO_CERTIFICATE,
        /** A level matched but its certificate cannot be used, and fall-through is off. */
        UNUSABLE_CERTIFICATE
    }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(sniStatus, "sniStatus");
        trace = trace == null ? List.of() : List.copyOf(trace);
        if (outcome == Outcome.SELECTED) {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(level, "level");
        } else {
            Objects.requireNonNull(alert, "alert");
        }
    }

    public boolean selected() {
        return outcome == Outcome.SELECTED;
    }

    /** The TLS options of the binding that decided, or the defaults. */
    public TlsOptions tls() {
        return binding == null ? TlsOptions.DEFAULT : binding.tls();
    }

    /** A few lines for {@code explain}: the verdict, then one line per level. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("SNI: ").append(sni != null ? sni : sniStatus == SniStatus.INVALID ? "(invalid, treated as absent)" : "(none)").append('\n');
        switch (outcome) {
            case SELECTED -> sb.append("Selected: level ").append(level.number()).append(" (").append(level.title()).append(") ")
                    .append(ccsKey != null ? "CCS " + ccsKey : binding.key().toString())
                    .append(" -> certificate ").append(certificate.thumbprint()).append(" (").append(certificate.summary().label()).append(")");
            case UNUSABLE_CERTIFICATE -> sb.append("Handshake fails with alert ").append(alert.text()).append(": level ")
                    .append(level.number()).append(" (").append(level.title()).append(") certificate unusable: ").append(problem);
            case NO_CERTIFICATE -> sb.append("Handshake fails with alert ").append(alert.text()).append(": no level yields a certificate");
        }
        sb.append('\n');
        for (LevelTrace t : trace) {
            sb.append("  ").append(t).append('\n');
        }
        return sb.toString();
    }
}
