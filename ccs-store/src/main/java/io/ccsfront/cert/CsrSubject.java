package io.ccsfront.cert;

import java.io.IOException;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The "Distinguished Name Properties" page of IIS's Create Certificate Request: common name
 * (required), organization, organizational unit, city/locality, state/province and country
 * (two letters). Blank optional fields count as absent.
 */
public record CsrSubject(String commonName, String organization, String organizationalUnit, String locality,
                         String state, String country) {

    /** RFC 5280's upper bounds. */
    static final int MAX_CN = 64;
    static final int MAX_FIELD = 128;

    public CsrSubject {
        commonName = field("CN", commonName, MAX_CN);
        if (commonName == null) {
            throw new IllegalArgumentException("CN is required");
        }
        organization = field("O", organization, MAX_FIELD);
        organizationalUnit = field("OU", organizationalUnit, MAX_FIELD);
        locality = field("L", locality, MAX_FIELD);
        state = field("ST", state, MAX_FIELD);
        country = field("C", country, Integer.MAX_VALUE);
        if (country != null) {
            if (country.length() != 2 || !country.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                throw new IllegalArgumentException("C must be a two-letter country code: " + country);
            }
            country = country.toUpperCase(Locale.ROOT);
        }
    }

    /** A subject with only a common name. */
    public static CsrSubject of(String commonName) {
        return new CsrSubject(commonName, null, null, null, null, null);
    }

    /** The X.500 name, most significant first (C, ST, L, O, OU, CN), as certreq writes it. */
    X500Name toX500Name() {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        add(b, BCStyle.C, country);
        add(b, BCStyle.ST, state);
        add(b, BCStyle.L, locality);
        add(b, BCStyle.O, organization);
        add(b, BCStyle.OU, organizationalUnit);
        add(b, BCStyle.CN, commonName);
        return b.build();
    }

    /** RFC 2253 text, CN first: {@code CN=www.contoso.com,O=Contoso,C=US}. */
    @Override
    public String toString() {
        try {
            return new X500Principal(toX500Name().getEncoded()).getName();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(X500NameBuilder b, ASN1ObjectIdentifier type, String value) {
        if (value != null) {
            b.addRDN(type, value);
        }
    }

    private static String field(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > max) {
            throw new IllegalArgumentException(name + " longer than " + max + " characters: " + v);
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " contains control characters: " + v.replaceAll("\\p{Cntrl}", "?"));
        }
        return v;
    }
}
