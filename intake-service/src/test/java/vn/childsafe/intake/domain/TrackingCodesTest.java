package vn.childsafe.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingCodesTest {

    @Test
    void codesAreReadableAndHaveNoLookAlikes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = TrackingCodes.next();
            assertThat(code).matches("CS-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}");
            assertThat(code.substring(3)).doesNotContainPattern("[01OILUV]");
            seen.add(code);
        }
        assertThat(seen).hasSizeGreaterThan(9_990);
    }
}
