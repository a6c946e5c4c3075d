package vn.childsafe.local.stack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What this machine's PostgreSQL can do at best for the pipeline's unit of work: durable transactions that each
 * insert one report-like row and one outbox-like row, committed one by one from several clients. Accepting a
 * report is exactly such a transaction, so no stage can sustain more reports per second than this (routing and
 * notify even need more rows per report); every figure of a drain run is printed as a ratio to it.
 *
 * <p>It runs in a scratch database {@code bench_floor} that is created for the measurement and dropped after it,
 * so the services' databases are never touched.
 */
final class DatabaseFloor {

    private static final String DATABASE = "bench_floor";
    /** About the size of an encrypted description and of a ReportReceived event. */
    private static final String DESCRIPTION = "x".repeat(400);

    private static final String PAYLOAD = "{\"reportId\":\"%s\",\"pad\":\"" + "y".repeat(600) + "\"}";

    /** The measured floor and the settings it depends on. */
    record Result(
            int clients,
            double seconds,
            long transactions,
            Histogram commitMicros,
            String fsync,
            String synchronousCommit,
            String walSyncMethod,
            String serverVersion) {

        double perSecond() {
            return transactions / seconds;
        }
    }

    private DatabaseFloor() {}

    /** Runs {@code clients} connections for {@code duration}, each committing two-row transactions in a loop. */
    static Result measure(StackSettings settings, int clients, Duration duration) throws Exception {
        String fsync;
        String walSync;
        String version;
        try (Connection admin = StageProbe.connect(settings, "postgres");
                Statement st = admin.createStatement()) {
            fsync = show(st, "fsync");
            walSync = show(st, "wal_sync_method");
            version = show(st, "server_version");
            st.execute("DROP DATABASE IF EXISTS " + DATABASE);
            st.execute("CREATE DATABASE " + DATABASE);
        }
        try {
            String synchronousCommit;
            try (Connection c = StageProbe.connect(settings, DATABASE);
                    Statement st = c.createStatement()) {
                st.execute("SET synchronous_commit = on");
                synchronousCommit = show(st, "synchronous_commit");
                // Shaped like intake's report and outbox_event, with the outbox's partial index.
                st.execute("CREATE TABLE floor_report (id UUID PRIMARY KEY, received_at TIMESTAMPTZ NOT NULL, "
                        + "category VARCHAR(30) NOT NULL, urgency VARCHAR(20) NOT NULL, province_code VARCHAR(2), "
                        + "content TEXT NOT NULL, description_enc TEXT, status VARCHAR(20) NOT NULL)");
                st.execute("CREATE TABLE floor_outbox (id UUID PRIMARY KEY, topic VARCHAR(200) NOT NULL, "
                        + "aggregate_id VARCHAR(100) NOT NULL, event_type VARCHAR(200) NOT NULL, "
                        + "payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL, published_at TIMESTAMPTZ)");
                st.execute("CREATE INDEX floor_outbox_unpublished ON floor_outbox (created_at) "
                        + "WHERE published_at IS NULL");
            }
            Histogram commitMicros = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(30), 3);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    counts.add(pool.submit(() -> insertUntil(settings, end, commitMicros)));
                }
                long total = 0;
                for (Future<Long> count : counts) {
                    total += count.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Result(clients, seconds, total, commitMicros, fsync, synchronousCommit, walSync, version);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            try (Connection admin = StageProbe.connect(settings, "postgres");
                    Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }

    private static long insertUntil(StackSettings settings, long end, Histogram commitMicros) throws SQLException {
        long done = 0;
        try (Connection c = StageProbe.connect(settings, DATABASE)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET synchronous_commit = on");
            }
            c.setAutoCommit(false);
            try (PreparedStatement report = c.prepareStatement("INSERT INTO floor_report "
                            + "(id, received_at, category, urgency, province_code, content, description_enc, status) "
                            + "VALUES (?, ?, 'GROOMING', 'NORMAL', '01', '[]', ?, 'RECEIVED')");
                    PreparedStatement outbox = c.prepareStatement("INSERT INTO floor_outbox "
                            + "(id, topic, aggregate_id, event_type, payload, created_at) "
                            + "VALUES (?, 'reports.received.v1', ?, 'vn.childsafe.report.received.v1', ?, ?)")) {
                while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    UUID id = UUID.randomUUID();
                    Timestamp now = new Timestamp(System.currentTimeMillis());
                    report.setObject(1, id);
                    report.setTimestamp(2, now);
                    report.setString(3, DESCRIPTION);
                    report.executeUpdate();
                    outbox.setObject(1, UUID.randomUUID());
                    outbox.setString(2, id.toString());
                    outbox.setString(3, PAYLOAD.formatted(id));
                    outbox.setTimestamp(4, now);
                    outbox.executeUpdate();
                    c.commit();
                    commitMicros.recordValue((System.nanoTime() - begin) / 1_000);
                    done++;
                }
            }
        }
        return done;
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
