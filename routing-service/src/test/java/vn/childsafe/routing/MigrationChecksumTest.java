package vn.childsafe.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.testsupport.ChildSafeTestResources;

/** A database migrated before V5's and V6's comments were rewritten still validates (the beforeValidate callback). */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class MigrationChecksumTest {

    @Inject
    Flyway flyway;

    @Inject
    DataSource dataSource;

    @Test
    void aDatabaseWithTheOldCommentChecksumsValidatesAndIsRealigned() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = -400947727 WHERE version = '5'");
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = -158279165 WHERE version = '6'");
        }
        assertThatCode(flyway::validate).doesNotThrowAnyException();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT checksum FROM flyway_schema_history WHERE version IN ('5', '6') "
                        + "ORDER BY version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(-1916159982);
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1742465208);
        }
    }
}
