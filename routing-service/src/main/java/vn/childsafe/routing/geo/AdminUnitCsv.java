package vn.childsafe.routing.geo;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.childsafe.commons.geo.ProvinceTable;
import vn.childsafe.commons.problem.Problem;

/**
 * Reads the two CSV layouts the admin-unit importer accepts (docs/admin-units-import.md), all or nothing: any bad
 * line makes the whole file invalid, and every bad line is reported as {@code /lines/<n>} (1-based, the header is
 * line 1; a record whose quoted value spans lines is reported at its first line). Parsed with Apache Commons CSV,
 * streamed record by record. One class because it is one pipeline over one file: records, then the checks of each
 * layout's columns, then the checks across rows (duplicates), all feeding the same list of bad lines.
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

    /** RFC 4180 with spaces around quoted values allowed; blank lines are kept so that they are reported. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .get();

    public enum Layout {
        UNITS,
        LEGACY_MAPPING
    }

    public record UnitRow(
            String level,
            String code,
            String parentCode,
            String name,
            String fullName,
            String nameEn,
            String unitType) {}

    public record MappingRow(
            String oldProvinceCode,
            String oldProvinceName,
            String oldDistrictCode,
            String oldWardCode,
            String oldWardName,
            String newProvinceCode,
            List<String> newCommuneCodes) {}

    /** A parsed file: its layout, its rows, or the errors that make it invalid. */
    public record Parsed(
            Layout layout,
            List<UnitRow> units,
            List<MappingRow> mappings,
            List<Problem.FieldError> errors,
            int errorCount) {
        public boolean valid() {
            return errorCount == 0;
        }
    }

    private final ProvinceTable provinces;

    public AdminUnitCsv(ProvinceTable provinces) {
        this.provinces = provinces;
    }

    /**
     * Reads a whole file from {@code input}, record by record (a quoted value may hold commas and line breaks);
     * a leading byte order mark and blank lines at the end are ignored.
     */
    public Parsed parse(Reader input) {
        try (CSVParser parser = FORMAT.parse(withoutByteOrderMark(input))) {
            return parse(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Parsed parse(CSVParser parser) {
        Iterator<CSVRecord> records = parser.iterator();
        int[] startLine = {1};
        Optional<CSVRecord> first = next(records, parser, startLine);
        if (first.isEmpty() || isBlank(first.get()) && restIsBlank(records, parser, startLine)) {
            return rejected(null, "/lines/1", "empty file: a header row is required");
        }
        String header = String.join(",", first.get().values()).strip();
        Layout layout;
        if (header.equals(UNITS_HEADER)) {
            layout = Layout.UNITS;
        } else if (header.equals(MAPPING_HEADER)) {
            layout = Layout.LEGACY_MAPPING;
        } else {
            return rejected(
                    null, "/lines/1", "header must be exactly '" + UNITS_HEADER + "' or '" + MAPPING_HEADER + "'");
        }
        Rows rows = new Rows(layout);
        // Blank lines count as bad lines only when data follows them: a file may end with blank lines.
        List<Integer> blankLines = new ArrayList<>();
        while (true) {
            int lineNo = startLine[0];
            Optional<CSVRecord> record;
            try {
                record = next(records, parser, startLine);
            } catch (UncheckedIOException e) {
                // A quote left open swallows the rest of the file: that line is the last one read.
                blankLines.forEach(blank -> rows.add(blank, List.of("")));
                rows.reject(lineNo, List.of("unterminated quoted value"));
                break;
            }
            if (record.isEmpty()) {
                break;
            }
            if (isBlank(record.get())) {
                blankLines.add(lineNo);
                continue;
            }
            blankLines.forEach(blank -> rows.add(blank, List.of("")));
            blankLines.clear();
            rows.add(lineNo, record.get().stream().map(String::strip).toList());
        }
        if (rows.errorCount == 0 && rows.units.isEmpty() && rows.mappings.isEmpty()) {
            return rejected(layout, "/lines/2", "no data rows after the header");
        }
        return new Parsed(layout, rows.units, rows.mappings, rows.errors, rows.errorCount);
    }

    /** A file rejected for one error of the file as a whole (its header, or no data), not of its data lines. */
    private static Parsed rejected(Layout layout, String pointer, String message) {
        return new Parsed(layout, List.of(), List.of(), List.of(new Problem.FieldError(pointer, message)), 1);
    }

    /** The rows of a file read so far, and its bad lines. */
    private final class Rows {
        final Layout layout;
        final List<UnitRow> units = new ArrayList<>();
        final List<MappingRow> mappings = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        final List<Problem.FieldError> errors = new ArrayList<>();
        int errorCount;

        Rows(Layout layout) {
            this.layout = layout;
        }

        void add(int lineNo, List<String> fields) {
            List<String> problems = new ArrayList<>();
            if (fields.size() != 7) {
                problems.add("expected 7 columns, found " + fields.size());
            } else if (layout == Layout.UNITS) {
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
            reject(lineNo, problems);
        }

        void reject(int lineNo, List<String> problems) {
            if (!problems.isEmpty()) {
                errorCount++;
                if (errors.size() < MAX_LISTED_ERRORS) {
                    errors.add(new Problem.FieldError("/lines/" + lineNo, String.join("; ", problems)));
                }
            }
        }
    }

    /** The next record, and in {@code startLine} the line the one after it starts on. */
    private static Optional<CSVRecord> next(Iterator<CSVRecord> records, CSVParser parser, int[] startLine) {
        if (!records.hasNext()) {
            return Optional.empty();
        }
        CSVRecord record = records.next();
        startLine[0] = (int) parser.getCurrentLineNumber() + 1;
        return Optional.of(record);
    }

    private static boolean restIsBlank(Iterator<CSVRecord> records, CSVParser parser, int[] startLine) {
        for (Optional<CSVRecord> r = next(records, parser, startLine);
                r.isPresent();
                r = next(records, parser, startLine)) {
            if (!isBlank(r.get())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static Reader withoutByteOrderMark(Reader input) throws IOException {
        PushbackReader reader = new PushbackReader(input);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
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
        return new UnitRow(
                level,
                code,
                parent.isEmpty() ? null : parent,
                f.get(3),
                blank(f.get(4)),
                blank(f.get(5)),
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
        List<String> communes =
                f.get(6).isEmpty() ? List.of() : Arrays.asList(f.get(6).split(";", -1));
        if (communes.isEmpty()
                || communes.stream().anyMatch(c -> !FIVE.matcher(c).matches())) {
            problems.add("new_commune_codes must be one or more 5-digit codes separated by ';'");
        }
        checkLength(f, problems);
        return new MappingRow(
                f.get(0),
                blank(f.get(1)),
                blank(f.get(2)),
                f.get(3),
                blank(f.get(4)),
                f.get(5),
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
}
