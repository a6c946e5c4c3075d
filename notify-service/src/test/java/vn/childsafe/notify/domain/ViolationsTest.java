package vn.childsafe.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void messagesAreEscapedForInterpolation() {
        assertThat(Violations.literal("host {x} costs $1 \\ or so")).isEqualTo("host \\{x\\} costs \\$1 \\\\ or so");
        assertThat(Violations.literal("must not contain a fragment")).isEqualTo("must not contain a fragment");
    }
}
