package vn.childsafe.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.childsafe.commons.geo.ProvinceTable;

class LocationResolverTest {

    private final LocationResolver resolver = new LocationResolver(ProvinceTable.builtIn());

    @Test
    void currentProvinceCodeIsTakenAsIs() {
        Resolution r = resolver.resolve("01", null, null, null);
        assertThat(r.provinceCode()).isEqualTo("01");
        assertThat(r.provinceName()).isEqualTo("Hà Nội");
        assertThat(r.communeCode()).isNull();
        assertThat(r.level()).isEqualTo(Resolution.Level.PROVINCE);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void currentProvinceWithCurrentCommuneResolvesToTheCommune() {
        Resolution r = resolver.resolve("79", "26734", null, null);
        assertThat(r.provinceCode()).isEqualTo("79");
        assertThat(r.provinceName()).isEqualTo("Hồ Chí Minh");
        assertThat(r.communeCode()).isEqualTo("26734");
        assertThat(r.level()).isEqualTo(Resolution.Level.COMMUNE);
    }

    @Test
    void currentCode44AloneIsTodaysQuangTri() {
        Resolution r = resolver.resolve("44", null, null, null);
        assertThat(r.provinceCode()).isEqualTo("44");
        assertThat(r.provinceName()).isEqualTo("Quảng Trị");
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void legacyHaiDuong30MapsToHaiPhong31() {
        Resolution r = resolver.resolve("30", null, null, null);
        assertThat(r.provinceCode()).isEqualTo("31");
        assertThat(r.provinceName()).isEqualTo("Hải Phòng");
        assertThat(r.level()).isEqualTo(Resolution.Level.PROVINCE);
        assertThat(r.notes()).containsExactly("legacy province 30 (Hải Dương) → 31 (Hải Phòng)");
    }

    @Test
    void legacyBinhPhuoc70MapsToDongNai75() {
        Resolution r = resolver.resolve("70", null, "689", "25000");
        assertThat(r.provinceCode()).isEqualTo("75");
        assertThat(r.provinceName()).isEqualTo("Đồng Nai");
        assertThat(r.level()).isEqualTo(Resolution.Level.PROVINCE);
        assertThat(r.notes()).contains("legacy province 70 (Bình Phước) → 75 (Đồng Nai)");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("legacy district 689 not used"));
        assertThat(r.notes())
                .anySatisfy(n ->
                        assertThat(n).startsWith("legacy ward 25000 not mapped").endsWith("routed at province level"));
    }

    @Test
    void legacyHaGiang02MapsToTuyenQuang08() {
        Resolution r = resolver.resolve("02", null, null, null);
        assertThat(r.provinceCode()).isEqualTo("08");
        assertThat(r.provinceName()).isEqualTo("Tuyên Quang");
        assertThat(r.notes()).containsExactly("legacy province 02 (Hà Giang) → 08 (Tuyên Quang)");
    }

    @Test
    void code44WithLegacyDistrictIsReadAsLegacyQuangBinh() {
        Resolution r = resolver.resolve("44", null, "450", null);
        assertThat(r.provinceCode()).isEqualTo("44");
        assertThat(r.provinceName()).isEqualTo("Quảng Trị");
        assertThat(r.level()).isEqualTo(Resolution.Level.PROVINCE);
        assertThat(r.notes())
                .first()
                .asString()
                .startsWith("legacy province 44 (Quảng Bình) → 44 (Quảng Trị)")
                .contains("read as legacy because legacy district codes were given");
    }

    @Test
    void code24WithLegacyWardIsReadAsLegacyBacGiang() {
        Resolution r = resolver.resolve("24", null, null, "07210");
        assertThat(r.provinceCode()).isEqualTo("24");
        assertThat(r.provinceName()).isEqualTo("Bắc Ninh");
        assertThat(r.notes()).first().asString().startsWith("legacy province 24 (Bắc Giang) → 24 (Bắc Ninh)");
    }

    @Test
    void unknownProvinceCodeRoutesNationally() {
        Resolution r = resolver.resolve("99", null, null, null);
        assertThat(r.hasProvince()).isFalse();
        assertThat(r.provinceName()).isNull();
        assertThat(r.level()).isEqualTo(Resolution.Level.NONE);
        assertThat(r.notes()).containsExactly("unknown province code 99: routed nationally");
    }

    @Test
    void malformedProvinceCodeRoutesNationally() {
        Resolution r = resolver.resolve("Hà Nội", null, null, null);
        assertThat(r.level()).isEqualTo(Resolution.Level.NONE);
        assertThat(r.notes()).singleElement().asString().startsWith("invalid province code");
    }

    @Test
    void noLocationRoutesNationally() {
        Resolution r = resolver.resolve(null, " ", null, null);
        assertThat(r.level()).isEqualTo(Resolution.Level.NONE);
        assertThat(r.notes()).containsExactly("no location given: routed nationally");
    }

    @Test
    void communeWithoutProvinceCannotBePlacedYet() {
        Resolution r = resolver.resolve(null, "00004", null, null);
        assertThat(r.level()).isEqualTo(Resolution.Level.NONE);
        assertThat(r.communeCode()).isNull();
    }

    @Test
    void invalidCommuneCodeIsIgnoredWithANote() {
        Resolution r = resolver.resolve("01", "123", null, null);
        assertThat(r.level()).isEqualTo(Resolution.Level.PROVINCE);
        assertThat(r.communeCode()).isNull();
        assertThat(r.notes()).singleElement().asString().startsWith("invalid commune code '123' ignored");
    }
}
