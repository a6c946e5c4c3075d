package vn.childsafe.routing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.childsafe.commons.geo.ProvinceTable;

/**
 * Resolves the location codes a report carries to today's province (and commune where possible).
 *
 * <p>Senders hold either today's codes ({@code provinceCode} 2 digits, {@code communeCode} 5 digits) or legacy
 * ones ({@code provinceCode}, {@code districtCode} 3 digits, {@code wardCode} 5 digits). Every current province
 * code was also a legacy code, so a province code alone is ambiguous; it is read as today's code unless the
 * report also carries a legacy district or ward code, in which case it is read as a legacy code. A code that only
 * ever was legacy (e.g. 30 Hải Dương) is always legacy.
 *
 * <p>A legacy ward is looked up in the imported {@link WardMapping}: a ward that became exactly one commune routes
 * to that commune; a ward split into several communes routes at province level, and the notes say so.
 */
public final class LocationResolver {

    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final Pattern COMMUNE = Pattern.compile("\\d{5}");

    private final ProvinceTable provinces;
    private final WardMapping wards;

    public LocationResolver(ProvinceTable provinces) {
        this(provinces, WardMapping.none());
    }

    public LocationResolver(ProvinceTable provinces, WardMapping wards) {
        this.provinces = provinces;
        this.wards = wards;
    }

    /**
     * Resolves the codes as sent; any of them may be {@code null} or blank.
     */
    public Resolution resolve(String provinceCode, String communeCode, String districtCode, String wardCode) {
        String province = clean(provinceCode);
        String commune = clean(communeCode);
        String district = clean(districtCode);
        String ward = clean(wardCode);
        List<String> notes = new ArrayList<>();

        if (province == null) {
            if (commune != null || district != null || ward != null) {
                notes.add("no province code: commune/district/ward codes cannot be placed yet, routed nationally");
            } else {
                notes.add("no location given: routed nationally");
            }
            return Resolution.none(notes);
        }
        if (!PROVINCE.matcher(province).matches()) {
            notes.add("invalid province code '" + abbreviate(province) + "': routed nationally");
            return Resolution.none(notes);
        }

        boolean legacyContext = district != null || ward != null;
        Optional<ProvinceTable.CurrentProvince> asCurrent = provinces.current(province);
        Optional<ProvinceTable.LegacyProvince> asLegacy = provinces.legacy(province);
        ProvinceTable.CurrentProvince resolved;
        if (asCurrent.isPresent() && !(legacyContext && asLegacy.isPresent())) {
            resolved = asCurrent.get();
        } else if (asLegacy.isPresent()) {
            ProvinceTable.LegacyProvince legacy = asLegacy.get();
            resolved = provinces.current(legacy.currentCode()).orElseThrow();
            notes.add("legacy province " + legacy.code() + " (" + legacy.name() + ") → " + resolved.code() + " ("
                    + resolved.name() + ")"
                    + (asCurrent.isPresent()
                            ? ", read as legacy because legacy " + (ward != null ? "ward" : "district")
                                    + " codes were given"
                            : ""));
        } else {
            notes.add("unknown province code " + province + ": routed nationally");
            return Resolution.none(notes);
        }

        String keptCommune = null;
        if (commune != null && COMMUNE.matcher(commune).matches()) {
            keptCommune = commune;
        }
        if (district != null) {
            notes.add("legacy district " + abbreviate(district) + " not used: districts were abolished on 2025-07-01");
        }
        if (ward != null) {
            Optional<WardMapping.MappedWard> mapped =
                    COMMUNE.matcher(ward).matches() ? wards.find(ward) : Optional.empty();
            if (mapped.isEmpty()) {
                notes.add("legacy ward " + abbreviate(ward) + " not mapped to a current commune (not in the imported "
                        + "legacy mapping)"
                        + (keptCommune == null ? ": routed at province level" : ": the commune code given is used"));
            } else if (!mapped.get().newProvinceCode().equals(resolved.code())) {
                notes.add("legacy ward " + ward + " belongs to today's province "
                        + mapped.get().newProvinceCode()
                        + ", not " + resolved.code() + ": ward ignored"
                        + (keptCommune == null ? ", routed at province level" : ", the commune code given is used"));
            } else if (keptCommune != null) {
                notes.add("legacy ward " + ward + " not used: the commune code given is used");
            } else if (mapped.get().communeCodes().size() == 1) {
                keptCommune = mapped.get().communeCodes().get(0);
                notes.add("legacy ward " + ward + describeName(mapped.get()) + " → commune " + keptCommune);
            } else {
                notes.add("legacy ward " + ward + describeName(mapped.get()) + " was split into communes "
                        + String.join(", ", mapped.get().communeCodes())
                        + ": ambiguous at commune level, routed at province level");
            }
        }
        if (commune != null && keptCommune == null) {
            notes.add("invalid commune code '" + abbreviate(commune) + "' ignored: routed at province level");
        }
        return new Resolution(
                resolved.code(),
                resolved.name(),
                keptCommune,
                keptCommune != null ? Resolution.Level.COMMUNE : Resolution.Level.PROVINCE,
                notes);
    }

    private static String clean(String code) {
        if (code == null) {
            return null;
        }
        String trimmed = code.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Codes come from other systems: keep notes short even when a sender puts free text in a code field. */
    private static String describeName(WardMapping.MappedWard ward) {
        return ward.wardName() == null || ward.wardName().isBlank() ? "" : " (" + ward.wardName() + ")";
    }

    private static String abbreviate(String code) {
        return code.length() <= 12 ? code : code.substring(0, 12) + "…";
    }
}
