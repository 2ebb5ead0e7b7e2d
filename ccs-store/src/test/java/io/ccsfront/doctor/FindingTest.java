package io.ccsfront.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void blankObjectsBecomeNullAndTextIsStripped() {
        Finding f = new Finding(Severity.INFO, FindingCode.SHARED_SSL_BINDING, " ", "ipport=0.0.0.0:443", "", null,
                " two sites depend on it. ", "rotate it. ");
        assertThat(f.site()).isNull();
        assertThat(f.thumbprint()).isNull();
        assertThat(f.message()).isEqualTo("two sites depend on it.");
        assertThat(f.describe()).isEqualTo("INFO SHARED_SSL_BINDING binding=ipport=0.0.0.0:443: two sites depend on it. Fix: rotate it.");
    }

    @Test
    void messageMustBeOneLine() {
        assertThatThrownBy(() -> new Finding(Severity.ERROR, FindingCode.NAME_MISMATCH, null, null, null, null, "a\nb", "fix"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("finding message must be one non-empty line: a\nb");
        assertThatThrownBy(() -> new Finding(Severity.ERROR, FindingCode.NAME_MISMATCH, null, null, null, null, "m", " "))
                .hasMessage("finding fix must be one non-empty line:  ");
    }

    @Test
    void severityAndCodeAreRequired() {
        assertThatThrownBy(() -> new Finding(null, FindingCode.NAME_MISMATCH, null, null, null, null, "m", "f"))
                .isInstanceOf(NullPointerException.class).hasMessage("severity");
        assertThatThrownBy(() -> new Finding(Severity.ERROR, null, null, null, null, null, "m", "f"))
                .isInstanceOf(NullPointerException.class).hasMessage("code");
    }

    @Test
    void errorsSortBeforeWarningsBeforeInfoThenByCodeThenObjects() {
        Finding info = new Finding(Severity.INFO, FindingCode.CCS_NAME_MISMATCH, null, null, null, null, "m", "f");
        Finding warnB = new Finding(Severity.WARNING, FindingCode.IP_SHADOWS_SNI, "b", null, null, null, "m", "f");
        Finding warnA = new Finding(Severity.WARNING, FindingCode.IP_SHADOWS_SNI, "a", null, null, null, "m", "f");
        Finding warnCode = new Finding(Severity.WARNING, FindingCode.CERT_EXPIRING, "z", null, null, null, "m", "f");
        Finding error = new Finding(Severity.ERROR, FindingCode.SHARED_SSL_BINDING, null, null, null, null, "m", "f");
        assertThat(java.util.stream.Stream.of(info, warnB, warnA, warnCode, error).sorted().toList())
                .containsExactly(error, warnCode, warnA, warnB, info);
    }
}
