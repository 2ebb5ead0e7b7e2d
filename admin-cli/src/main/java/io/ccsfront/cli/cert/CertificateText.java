package io.ccsfront.cli.cert;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** The certutil-like text form of a certificate's details (the API's {@code certificate} object). */
public final class CertificateText {

    private CertificateText() {
    }

    public static void print(PrintWriter out, JsonNode c) {
        line(out, "Thumbprint (sha1)", c.path("thumbprint").asText());
        line(out, "SHA-256", c.path("sha256").asText());
        line(out, "Subject", c.path("subject").asText());
        line(out, "Issuer", c.path("issuer").asText());
        line(out, "Serial number", c.path("serialNumber").asText());
        line(out, "DNS names", list(c.path("dnsNames")));
        if (c.path("ipAddresses").size() > 0) {
            line(out, "IP addresses", list(c.path("ipAddresses")));
        }
        line(out, "Not before", c.path("notBefore").asText());
        line(out, "Not after", c.path("notAfter").asText());
        line(out, "Key", c.path("key").asText() + (c.path("hasPrivateKey").asBoolean() ? ", private key present" : ", no private key"));
        int i = 0;
        for (JsonNode e : c.path("chain")) {
            line(out, i == 0 ? "Chain" : "", i + ": " + e.path("subject").asText() + " (" + e.path("thumbprint").asText() + ")");
            i++;
        }
        for (JsonNode w : c.path("warnings")) {
            line(out, "Warning", w.path("code").asText() + ": " + w.path("message").asText());
        }
    }

    /** A listing's NAMES cell: the DNS names, then the IP-address SANs. */
    public static String names(JsonNode summary) {
        StringBuilder sb = new StringBuilder();
        for (String field : new String[] {"names", "ipAddresses"}) {
            summary.path(field).forEach(x -> sb.append(sb.length() == 0 ? "" : ", ").append(x.asText()));
        }
        return sb.toString();
    }

    static void line(PrintWriter out, String label, String value) {
        out.println(String.format("%-18s %s", label.isEmpty() ? "" : label + ":", value));
    }

    static String list(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        array.forEach(x -> sb.append(sb.length() == 0 ? "" : ", ").append(x.asText()));
        return sb.length() == 0 ? "(none)" : sb.toString();
    }
}
