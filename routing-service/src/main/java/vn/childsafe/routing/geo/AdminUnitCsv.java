package vn.childsafe.routing.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.childsafe.commons.geo.ProvinceTable;
import vn.childsafe.commons.problem.Problem;

/**
 * Reads the two CSV layouts the admin-unit importer accepts (docs/admin-units-import.md), all or nothing: any bad
 * line makes the whole file invalid, and every bad line is reported as {@code /lines/<n>} (1-based, the header is
 * line 1).
 */
public final class AdminUnitCsv {

    /** Header of today's units: provinces and communes. */
    public static final String UNITS_HEADER = "level,code,parent_code,name,full_name,name_en,unit_type";
    /** Header of the legacy ward → commune mapping. */
    public static final String MAPPING_HEADER = "old_province_code,old_province_name,old_district_code,old_ward_code,"
            + "old_ward_name,new_province_code,new_commune_codes";

    /** At most this many line errors are listed; the detail gives the total. */
    public static final int MAX_LISTED_ERRORS = 200;

    private static final Pattern TWO = Pattern.compile("\\d{2}");
    private static final Pattern THREE = Pattern.compile("\\d{3}");
    private static final Pattern FIVE = Pattern.compile("\\d{5}");

    public enum Layout {
        UNITS,
        LEGACY_MAPPING
    }

    public record UnitRow(String level, String code, String parentCode, String name, String fullName, String nameEn,
            String unitType) {
    }

    public record MappingRow(String oldProvinceCode, String oldProvinceName, String oldDistrictCode,
            String oldWardCode, String oldWardName, String newProvinceCode, List<String> newCommuneCodes) {
    }

    /** A parsed file: its layout, its rows, or the errors that make it invalid. */
    public record Parsed(Layout layout, List<UnitRow> units, List<MappingRow> mappings, List<Problem.FieldError> errors,
            int errorCount) {
        public boolean valid() {
            return errorCount == 0;
        }
    }

    private final ProvinceTable provinces;

    public AdminUnitCsv(ProvinceTable provinces) {
        this.provinces = provinces;
    }

    public Parsed parse(String body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int[] errorCount = { 0 };
        if (body == null || body.isBlank()) {
            return new Parsed(null, List.of(), List.of(),
                    List.of(new Problem.FieldError("/lines/1", "empty file: a header row is required")), 1);
        }
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        String[] lines = text.split("\r?\n", -1);
        int last = lines.length;
        while (last > 1 && lines[last - 1].isBlank()) {
            last--;
        }
        String header = lines[0].strip();
        Layout layout;
        if (header.equals(UNITS_HEADER)) {
            layout = Layout.UNITS;
        } else if (header.equals(MAPPING_HEADER)) {
            layout = Layout.LEGACY_MAPPING;
        } else {
            return new Parsed(null, List.of(), List.of(), List.of(new Problem.FieldError("/lines/1",
                    "header must be exactly '" + UNITS_HEADER + "' or '" + MAPPING_HEADER + "'")), 1);
        }
        List<UnitRow> units = new ArrayList<>();
        List<MappingRow> mappings = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 1; i < last; i++) {
            int lineNo = i + 1;
            List<String> problems = new ArrayList<>();
            List<String> fields = split(lines[i], problems);
            if (problems.isEmpty() && fields.size() != 7) {
                problems.add("expected 7 columns, found " + fields.size());
            }
            if (problems.isEmpty()) {
                if (layout == Layout.UNITS) {
                    UnitRow row = unit(fields, problems);
                    if (problems.isEmpty() && !keys.add(row.level() + ":" + row.code())) {
                        problems.add(row.level() + " " + row.code() + " appears twice in the file");
                    }
                    if (problems.isEmpty()) {
                        units.add(row);
                    }
                } else {
                    MappingRow row = mapping(fields, problems);
                    if (problems.isEmpty() && !keys.add(row.oldWardCode())) {
                        problems.add("legacy ward " + row.oldWardCode() + " appears twice in the file");
                    }
                    if (problems.isEmpty()) {
                        mappings.add(row);
                    }
                }
            }
            if (!problems.isEmpty()) {
                errorCount[0]++;
                if (errors.size() < MAX_LISTED_ERRORS) {
                    errors.add(new Problem.FieldError("/lines/" + lineNo, String.join("; ", problems)));
                }
            }
        }
        if (errorCount[0] == 0 && units.isEmpty() && mappings.isEmpty()) {
            return new Parsed(layout, List.of(), List.of(),
                    List.of(new Problem.FieldError("/lines/2", "no data rows after the header")), 1);
        }
        return new Parsed(layout, units, mappings, errors, errorCount[0]);
    }

    private UnitRow unit(List<String> f, List<String> problems) {
        String level = f.get(0);
        String code = f.get(1);
        String parent = f.get(2);
        if ("PROVINCE".equals(level)) {
            if (!TWO.matcher(code).matches()) {
                problems.add("province code must be 2 digits");
            }
            if (!parent.isEmpty()) {
                problems.add("a province has no parent_code");
            }
        } else if ("COMMUNE".equals(level)) {
            if (!FIVE.matcher(code).matches()) {
                problems.add("commune code must be 5 digits");
            }
            if (!TWO.matcher(parent).matches()) {
                problems.add("a commune's parent_code must be its 2-digit province code");
            }
        } else {
            problems.add("level must be PROVINCE or COMMUNE");
        }
        if (f.get(3).isEmpty()) {
            problems.add("name is required");
        }
        checkLength(f, problems);
        return new UnitRow(level, code, parent.isEmpty() ? null : parent, f.get(3), blank(f.get(4)), blank(f.get(5)),
                blank(f.get(6)));
    }

    private MappingRow mapping(List<String> f, List<String> problems) {
        if (!TWO.matcher(f.get(0)).matches()) {
            problems.add("old_province_code must be 2 digits");
        } else if (provinces.legacy(f.get(0)).isEmpty()) {
            problems.add("old_province_code " + f.get(0) + " is not a legacy province");
        }
        if (!f.get(2).isEmpty() && !THREE.matcher(f.get(2)).matches()) {
            problems.add("old_district_code must be 3 digits or empty");
        }
        if (!FIVE.matcher(f.get(3)).matches()) {
            problems.add("old_ward_code must be 5 digits");
        }
        if (!TWO.matcher(f.get(5)).matches() || provinces.current(f.get(5)).isEmpty()) {
            problems.add("new_province_code must be one of today's 34 province codes");
        }
        List<String> communes = f.get(6).isEmpty() ? List.of() : Arrays.asList(f.get(6).split(";", -1));
        if (communes.isEmpty() || communes.stream().anyMatch(c -> !FIVE.matcher(c).matches())) {
            problems.add("new_commune_codes must be one or more 5-digit codes separated by ';'");
        }
        checkLength(f, problems);
        return new MappingRow(f.get(0), blank(f.get(1)), blank(f.get(2)), f.get(3), blank(f.get(4)), f.get(5),
                communes.stream().distinct().toList());
    }

    private static void checkLength(List<String> f, List<String> problems) {
        if (f.stream().anyMatch(v -> v.length() > 200)) {
            problems.add("a value is longer than 200 characters");
        }
    }

    private static String blank(String value) {
        return value.isEmpty() ? null : value;
    }

    /** Splits one CSV line (RFC 4180 quotes allowed); values are trimmed. */
    static List<String> split(String line, List<String> problems) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    current.append(ch);
                }
            } else if (ch == '"' && current.toString().isBlank()) {
                quoted = true;
                current.setLength(0);
            } else if (ch == ',') {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (quoted) {
            problems.add("unterminated quoted value");
        }
        out.add(current.toString().strip());
        return out;
    }
}
