package io.ccsfront.node.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation failures are 400 invalid_argument naming the field and the offending value, and change nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiValidationTest {

    static final String HASH = "AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12";

    @TempDir
    static Path tmp;
    AdminTestNode n;

    @BeforeAll
    void start() {
        n = AdminTestNode.start(tmp.resolve("node"), Map.of());
    }

    @AfterAll
    void stop() {
        n.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {3}={4}")
    @CsvSource(delimiter = '|', value = {
        "POST|/admin/v1/sslcerts|{\"ipport\":\"10.0.0.1:99999\",\"certhash\":\"" + HASH + "\"}|ipport|10.0.0.1:99999",
        "POST|/admin/v1/sslcerts|{\"ipport\":\"10.0.0.1:443\",\"certhash\":\"12ab\"}|certhash|12ab",
        "POST|/admin/v1/sslcerts|{\"ipport\":\"10.0.0.1:443\",\"certhash\":\"" + HASH + "\",\"appid\":\"nope\"}|appid|nope",
        "POST|/admin/v1/sslcerts|{\"ipport\":\"10.0.0.1:443\",\"certhash\":\"" + HASH + "\",\"colour\":\"blue\"}|colour|blue",
        "POST|/admin/v1/sslcerts|{\"command\":\"ipport=10.0.0.1:443\"}|command|ipport=10.0.0.1:443",
        "GET|/admin/v1/sslcerts/ipport/10.0.0.300:443||binding|ipport=10.0.0.300:443",
        "PUT|/admin/v1/ccs/a*b.example|{\"file\":\"AAAA\"}|hostname|a*b.example",
        "POST|/admin/v1/sites|{\"name\":\"s\",\"bindings\":[\"https/*:0:a.example\"]}|binding|https/*:0:a.example",
        "POST|/admin/v1/sites|{\"name\":\"s\",\"workers\":[\"ftp://w\"]}|workers|ftp://w",
        "POST|/admin/v1/sites|{\"name\":\"s\",\"sslFlags\":7}|sslFlags|7",
        "POST|/admin/v1/certificate-requests|{\"cn\":\"a.example\",\"c\":\"USA\"}|c|USA",
        "POST|/admin/v1/certificate-requests|{\"cn\":\"a.example\",\"key\":\"rsa:1024\"}|key|rsa:1024",
        "GET|/admin/v1/explain?ip=1.2.3&port=443||ip|1.2.3",
        "GET|/admin/v1/doctor?expiringWithin=-1||expiringWithin|-1",
        "POST|/admin/v1/rotate|{\"from\":\"" + HASH + "\",\"to\":\"xyz\"}|to|xyz",
        "GET|/admin/v1/audit?limit=0||limit|0"})
    void invalidValuesAre400NamingFieldAndValue(String method, String path, String body, String field, String value) {
        long before = n.version();
        AdminTestNode.Response r = n.call(method, path, body == null || body.isEmpty() ? null : body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().getString("error")).isEqualTo("invalid_argument");
        assertThat(r.json().getString("field")).isEqualTo(field);
        assertThat(r.json().getString("value")).isEqualTo(value);
        assertThat(r.json().getString("message")).isNotBlank().doesNotContain("\n");
        assertThat(n.version()).isEqualTo(before);
    }
}
