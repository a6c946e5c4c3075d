package vn.childsafe.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's embedded binaries) on 127.0.0.1, with one database per service.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL, initialising {@code dataDir} on first use and reusing it afterwards.
     *
     * @param port 0 for any free port
     */
    public static LocalPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            return new LocalPostgres(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL could not be started in " + dataDir, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the databases that do not exist yet. */
    public void createDatabases(Collection<String> names) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z_]+")) {
                    throw new IllegalArgumentException("Not a plain database name: " + name);
                }
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Databases could not be created", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
        }
    }
}
