package vn.childsafe.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's embedded binaries) on 127.0.0.1, with one database per service. It can be
 * stopped, killed and started again on the same data directory and port, to show what the services do while
 * their database is gone.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Duration GONE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

    /** Whether a commit PostgreSQL acknowledged survives a crash. */
    public enum Durability {
        /**
         * {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, as in production: a
         * transaction whose commit was acknowledged survives PostgreSQL or the machine crashing, and a crash never
         * leaves torn pages behind. The local stack runs this way, so that what it shows about lost or kept
         * reports holds for a real deployment.
         */
        DURABLE,
        /**
         * zonky's test defaults: {@code fsync} and {@code synchronous_commit} off. Commits are acknowledged before
         * they reach the disk, so a crash of the machine (or of PostgreSQL, for the last commits) can lose them,
         * and a machine crash can corrupt the data directory. Much faster; only for data nobody keeps.
         */
        FAST
    }

    private final Path dataDir;
    private final Durability durability;
    private int port;
    private EmbeddedPostgres postgres;

    private LocalPostgres(Path dataDir, int port, Durability durability) {
        this.dataDir = dataDir;
        this.port = port;
        this.durability = durability;
    }

    /**
     * Starts PostgreSQL, initialising {@code dataDir} on first use and reusing it afterwards.
     *
     * @param port 0 for any free port (kept for every later {@link #start()})
     */
    public static LocalPostgres start(Path dataDir, int port, Durability durability) {
        LocalPostgres postgres = new LocalPostgres(dataDir.toAbsolutePath(), port, durability);
        postgres.start();
        return postgres;
    }

    /** Starts the server (again, after {@link #stop()} or {@link #kill()}) on the same data and port. */
    public synchronized void start() {
        if (postgres != null) {
            throw new IllegalStateException("PostgreSQL is already running on port " + port);
        }
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // After a crash (SIGKILL, power loss) PostgreSQL replays its WAL before it accepts
                    // connections; on a loaded 2-core machine that took longer than zonky's 10 s default.
                    .setPGStartupWait(STARTUP_WAIT);
            if (durability == Durability.DURABLE) {
                // zonky passes -F (fsync off) and synchronous_commit=off; these -c options come after -F and win.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL could not be started in " + dataDir, e);
        }
    }

    /**
     * Shuts the server down the way an operator would ({@code pg_ctl stop -m fast}: open connections are cut,
     * nothing committed is lost) and waits until it is gone; connections are refused until {@link #start()}.
     */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> children = postmaster.children().toList();
        closeEmbedded();
        awaitGone(postmaster, children);
    }

    /**
     * Kills the server with SIGKILL, as a crash or the kernel's OOM killer would: no shutdown checkpoint, and
     * {@code postmaster.pid} stays behind. The postmaster's children die with it: left alone they would linger
     * until they notice it is gone, still attached to its shared memory, and the next {@link #start()} would
     * refuse to run beside them. The postmaster is frozen first so that it cannot fork a child that escapes.
     */
    public synchronized void kill() {
        if (postgres == null) {
            return;
        }
        ProcessHandle postmaster = postmaster();
        signal(postmaster.pid(), "STOP");
        List<ProcessHandle> children = postmaster.children().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        awaitGone(postmaster, children);
        // Only releases zonky's lock on the data directory: its pg_ctl stop finds no server left to stop.
        closeEmbedded();
    }

    public int port() {
        return port;
    }

    /** JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the databases that do not exist yet. */
    public void createDatabases(Collection<String> names) {
        try (Connection c = running().getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
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
    public synchronized void close() {
        stop();
    }

    private EmbeddedPostgres running() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return postgres;
    }

    /** The postmaster, whose pid is the first line of {@code postmaster.pid}. */
    private ProcessHandle postmaster() {
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException("The postmaster (pid " + pid + ") is not running"));
        } catch (IOException e) {
            throw new IllegalStateException("postmaster.pid could not be read in " + dataDir, e);
        }
    }

    private void closeEmbedded() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
        } finally {
            postgres = null;
        }
    }

    /** Waits until every process has exited: a restart beside any of them would fail. */
    private static void awaitGone(ProcessHandle postmaster, List<ProcessHandle> children) {
        List<ProcessHandle> all = new ArrayList<>(children);
        all.add(postmaster);
        long deadline = System.nanoTime() + GONE_TIMEOUT.toNanos();
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL to exit", e);
            } catch (Exception e) {
                throw new IllegalStateException(
                        "PostgreSQL process " + process.pid() + " did not exit within " + GONE_TIMEOUT, e);
            }
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + pid, e);
        }
    }
}
