package vn.childsafe.commons.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ProvinceTableTest {

    private final ProvinceTable table = ProvinceTable.builtIn();

    @Test
    void has34CurrentAnd63LegacyProvinces() {
        assertThat(table.currentProvinces()).hasSize(34);
        assertThat(table.legacyProvinces()).hasSize(63);
        assertThat(table.legacyProvinces())
                .extracting(ProvinceTable.LegacyProvince::code)
                .doesNotHaveDuplicates();
    }

    @Test
    void everyCurrentProvinceHasLegacyMembersAndKeepsOneOfTheirCodes() {
        Map<String, Long> members = table.legacyProvinces().stream()
                .collect(Collectors.groupingBy(ProvinceTable.LegacyProvince::currentCode, Collectors.counting()));
        assertThat(members.keySet())
                .containsExactlyInAnyOrderElementsOf(table.currentProvinces().stream()
                        .map(ProvinceTable.CurrentProvince::code)
                        .toList());
        for (ProvinceTable.CurrentProvince current : table.currentProvinces()) {
            assertThat(table.legacy(current.code()))
                    .get()
                    .extracting(ProvinceTable.LegacyProvince::currentCode)
                    .isEqualTo(current.code());
        }
    }

    @Test
    void knowsTheNamesOfMergedProvinces() {
        assertThat(table.legacy("30")).contains(new ProvinceTable.LegacyProvince("30", "Hải Dương", "31"));
        assertThat(table.legacy("44")).contains(new ProvinceTable.LegacyProvince("44", "Quảng Bình", "44"));
        assertThat(table.legacy("45")).contains(new ProvinceTable.LegacyProvince("45", "Quảng Trị", "44"));
        assertThat(table.legacy("77")).contains(new ProvinceTable.LegacyProvince("77", "Bà Rịa - Vũng Tàu", "79"));
        assertThat(table.current("44")).contains(new ProvinceTable.CurrentProvince("44", "Quảng Trị"));
        assertThat(table.current("30")).isEmpty();
        assertThat(table.current(null)).isEmpty();
    }
}
