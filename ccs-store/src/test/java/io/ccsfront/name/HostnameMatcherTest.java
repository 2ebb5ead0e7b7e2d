package io.ccsfront.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6125 §6.4: a certificate name against the requested hostname. */
class HostnameMatcherTest {

    @ParameterizedTest(name = "{3}: {0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "*.a.com                  | b.a.com                     | true  | wildcard covers one label",
        "*.a.com                  | a.com                       | false | wildcard does not cover the bare domain",
        "*.a.com                  | c.b.a.com                   | false | wildcard does not cover two labels",
        "f*.a.com                 | foo.a.com                   | false | no partial-label wildcard (prefix)",
        "*x.a.com                 | bx.a.com                    | false | no partial-label wildcard (suffix)",
        "b*.a.com                 | b.a.com                     | false | no partial-label wildcard even for an empty match",
        "*.com                    | a.com                       | false | wildcard over a top-level domain never matches",
        "*                        | a                           | false | a lone * never matches",
        "a.*.com                  | a.b.com                     | false | wildcard only in the left-most label",
        "*.*.a.com                | b.c.a.com                   | false | one wildcard label only",
        "www.a.com                | www.a.com                   | true  | exact name",
        "WWW.A.COM                | www.a.com                   | true  | exact name, case-insensitive",
        "*.A.COM                  | b.a.com                     | true  | wildcard, case-insensitive",
        "www.a.com.               | www.a.com                   | true  | trailing dot on the certificate name",
        "*.a.com.                 | b.a.com                     | true  | trailing dot on a wildcard",
        "www.a.com                | a.com                       | false | exact name is not its parent",
        "a.com                    | www.a.com                   | false | exact name is not its child",
        "*.xn--bcher-kva.example  | shop.xn--bcher-kva.example  | true  | wildcard over an IDN domain",
        "*.a.com                  | ba.com                      | false | suffix must start at a label boundary",
    })
    void matchesLikeRfc6125(String pattern, String host, boolean expected, String description) {
        assertThat(HostnameMatcher.matches(pattern, host)).as(description).isEqualTo(expected);
    }

    @Test
    void absentOrEmptyNeverMatches() {
        assertThat(HostnameMatcher.matches(null, "a.com")).isFalse();
        assertThat(HostnameMatcher.matches("a.com", null)).isFalse();
        assertThat(HostnameMatcher.matches("", "a.com")).isFalse();
        assertThat(HostnameMatcher.matches("a.com", "")).isFalse();
    }

    @Test
    void anyMatchesLooksAtEveryName() {
        assertThat(HostnameMatcher.anyMatches(List.of("a.com", "*.a.com"), "b.a.com")).isTrue();
        assertThat(HostnameMatcher.anyMatches(List.of("a.com", "*.a.com"), "c.b.a.com")).isFalse();
        assertThat(HostnameMatcher.anyMatches(List.of(), "a.com")).isFalse();
    }
}
