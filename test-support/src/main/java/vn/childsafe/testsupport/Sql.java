package vn.childsafe.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Raw SQL for tests that look at rows as a database backup would show them, or change them as an attacker could. */
public final class Sql {

    private Sql() {}

    /** The first column of the first row of {@code sql}, as text ({@code null} for SQL NULL). */
    public static String text(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("No row: " + sql);
            }
            return rs.getString(1);
        }
    }

    /** Runs one statement in its own transaction. */
    public static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
