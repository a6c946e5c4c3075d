package vn.childsafe.routing.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import vn.childsafe.commons.geo.ProvinceTable;
import vn.childsafe.commons.problem.Problem;

class AdminUnitCsvTest {

    private final AdminUnitCsv csv = new AdminUnitCsv(ProvinceTable.builtIn());

    private AdminUnitCsv.Parsed parse(String text) {
        return csv.parse(new StringReader(text));
    }

    @Test
    void aQuotedValueMayHoldACommaAndALineBreak() {
        AdminUnitCsv.Parsed parsed = parse("\uFEFF" + AdminUnitCsv.UNITS_HEADER + "\r\n"
                + "PROVINCE,01,,Hà Nội,\"Thành phố Hà Nội,\nThủ đô\",Hanoi,Thành phố\r\n"
                + "COMMUNE,0004,01,Ba Đình,Phường Ba Đình,Ba Dinh,Phường\n\n");

        assertThat(parsed.layout()).isEqualTo(AdminUnitCsv.Layout.UNITS);
        assertThat(parsed.units())
                .extracting(AdminUnitCsv.UnitRow::fullName)
                .containsExactly("Thành phố Hà Nội,\nThủ đô");
        // The record after the two-line one starts on line 4.
        assertThat(parsed.errors()).extracting(Problem.FieldError::pointer).containsExactly("/lines/4");
        assertThat(parsed.errors())
                .extracting(Problem.FieldError::message)
                .containsExactly("commune code must be 5 digits");
    }

    @Test
    void blankLinesAreBadLinesUnlessTheyEndTheFile() {
        AdminUnitCsv.Parsed parsed = parse(
                AdminUnitCsv.UNITS_HEADER + "\n\n" + "PROVINCE,01,,Hà Nội,Thành phố Hà Nội,Hanoi,Thành phố\n  \n\n");

        assertThat(parsed.errors()).extracting(Problem.FieldError::pointer).containsExactly("/lines/2");
        assertThat(parsed.errors())
                .extracting(Problem.FieldError::message)
                .containsExactly("expected 7 columns, found 1");
    }

    @Test
    void anEmptyFileAndAQuoteLeftOpenAreReported() {
        assertThat(parse(" \n\n").errors())
                .extracting(Problem.FieldError::message)
                .containsExactly("empty file: a header row is required");
        assertThat(parse(AdminUnitCsv.UNITS_HEADER + "\n").errors())
                .extracting(Problem.FieldError::message)
                .containsExactly("no data rows after the header");
        AdminUnitCsv.Parsed open = parse(AdminUnitCsv.UNITS_HEADER
                + "\nPROVINCE,01,,Hà Nội,Thành phố Hà Nội,Hanoi,Thành phố\nPROVINCE,02,,\"Hà Giang,X,X,X\n");
        assertThat(open.errors()).extracting(Problem.FieldError::pointer).containsExactly("/lines/3");
        assertThat(open.errors()).extracting(Problem.FieldError::message).containsExactly("unterminated quoted value");
    }
}
