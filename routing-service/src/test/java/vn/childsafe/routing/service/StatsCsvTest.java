package vn.childsafe.routing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.childsafe.routing.cases.CaseStatisticsRepository.GroupBy;
import vn.childsafe.routing.cases.CaseStatisticsRepository.Percentiles;
import vn.childsafe.routing.cases.CaseStatisticsRepository.Row;

class StatsCsvTest {

    private static Row row(String key) {
        Percentiles none = new Percentiles(null, null);
        return new Row(key, 1, 0, 0, none, none, none, 0, 0, null, 0.0);
    }

    @Test
    void formulaCellsAreNeutralisedAndQuotedWhereNeeded() {
        String csv = StatsService.csv(new StatsService.Stats(
                Instant.EPOCH,
                Instant.EPOCH,
                GroupBy.PLATFORM,
                row("total"),
                List.of(
                        row("=HYPERLINK(\"http://evil.example\",\"x\")"),
                        row("+1"),
                        row("-2"),
                        row("@SUM(A1)"),
                        row("\tcmd"),
                        row("tik,tok"),
                        row("zalo"))));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(2)).startsWith("platform,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",1,");
        assertThat(lines.get(3)).startsWith("platform,'+1,1,");
        assertThat(lines.get(4)).startsWith("platform,'-2,1,");
        assertThat(lines.get(5)).startsWith("platform,'@SUM(A1),1,");
        assertThat(lines.get(6)).startsWith("platform,'\tcmd,1,");
        assertThat(lines.get(7)).startsWith("platform,\"tik,tok\",1,");
        assertThat(lines.get(8)).startsWith("platform,zalo,1,");
        assertThat(StatsService.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(StatsService.cell("")).isEmpty();
    }
}
