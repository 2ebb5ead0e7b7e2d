package io.ccsfront.cert;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Puts a set of certificates in chain order, leaf first, whatever order the file had. The leaf
 * is the certificate that issued no other in the set; "issued" means the child names the
 * parent's subject as its issuer and the parent's key verifies the child's signature.
 */
final class ChainOrder {

    private ChainOrder() {
    }

    /** The certificates without duplicates, in their first-seen order. */
    static List<X509Certificate> distinct(List<X509Certificate> certs) {
        return List.copyOf(new LinkedHashSet<>(certs));
    }

    /** Whether {@code parent} issued {@code child} (never true of a certificate and itself). */
    static boolean issued(X509Certificate parent, X509Certificate child) {
        if (parent.equals(child) || !child.getIssuerX500Principal().equals(parent.getSubjectX500Principal())) {
            return false;
        }
        return verifies(child, parent);
    }

    /** Self-signed: its own issuer, and its own key verifies its signature. */
    static boolean selfSigned(X509Certificate c) {
        return c.getIssuerX500Principal().equals(c.getSubjectX500Principal()) && verifies(c, c);
    }

    /** The certificates that issued none of the others, in file order; non-CA certificates first. */
    static List<X509Certificate> leafCandidates(List<X509Certificate> certs) {
        List<X509Certificate> endEntities = new ArrayList<>();
        List<X509Certificate> cas = new ArrayList<>();
        for (X509Certificate c : certs) {
            boolean issuedAny = false;
            for (X509Certificate other : certs) {
                if (issued(c, other)) {
                    issuedAny = true;
                    break;
                }
            }
            if (!issuedAny) {
                (c.getBasicConstraints() < 0 ? endEntities : cas).add(c);
            }
        }
        endEntities.addAll(cas);
        return endEntities;
    }

    /** The leaf of a set without a private key to tell: the first candidate, or the first certificate. */
    static X509Certificate pickLeaf(List<X509Certificate> certs) {
        List<X509Certificate> candidates = leafCandidates(certs);
        return candidates.isEmpty() ? certs.get(0) : candidates.get(0);
    }

    /** The chain from {@code leaf} up through its issuers found in {@code certs}, leaf first. */
    static List<X509Certificate> chainFrom(X509Certificate leaf, List<X509Certificate> certs) {
        List<X509Certificate> chain = new ArrayList<>();
        List<X509Certificate> rest = new ArrayList<>(certs);
        rest.remove(leaf);
        chain.add(leaf);
        X509Certificate current = leaf;
        while (!selfSigned(current)) {
            X509Certificate next = null;
            for (X509Certificate c : rest) {
                if (issued(c, current)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            rest.remove(next);
            current = next;
        }
        return List.copyOf(chain);
    }

    private static boolean verifies(X509Certificate child, X509Certificate parent) {
        return SignatureCheck.verifies(child, parent.getPublicKey());
    }
}
