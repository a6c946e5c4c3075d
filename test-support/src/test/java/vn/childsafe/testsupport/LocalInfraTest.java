package vn.childsafe.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.childsafe.local.infra.FreePorts;
import vn.childsafe.local.infra.JwtIssuer;
import vn.childsafe.local.infra.LocalKafka;
import vn.childsafe.local.infra.LocalPostgres;
import vn.childsafe.local.infra.LocalPostgres.Durability;

/** The local infrastructure of deploy/local/infra; tested here because it reads Kafka with {@link KafkaTestClient}. */
class LocalInfraTest {

    @TempDir
    Path dir;

    @Test
    void kafkaBrokerRunsInItsOwnProcessAndSurvivesARestart() {
        try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), FreePorts.next(), FreePorts.next(), "256m")) {
            kafka.createTopics(List.of("t1"), 3);
            KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers());
            client.send(new ProducerRecord<>("t1", "k1", "before restart"));

            kafka.stop();
            kafka.start();
            client.send(new ProducerRecord<>("t1", "k2", "after restart"));

            List<ConsumerRecord<String, String>> records =
                    client.readUntil("t1", r -> "k2".equals(r.key()), Duration.ofSeconds(30));
            assertThat(records)
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("before restart", "after restart");
        }
    }

    @Test
    void postgresKeepsItsDataAcrossRestartsAndCreatesDatabasesOnce() throws Exception {
        Path data = dir.resolve("pg");
        try (LocalPostgres pg = LocalPostgres.start(data, 0, Durability.FAST)) {
            pg.createDatabases(List.of("intake", "routing"));
            pg.createDatabases(List.of("intake"));
            try (Connection c =
                    DriverManager.getConnection(pg.jdbcUrl("intake"), LocalPostgres.USER, LocalPostgres.PASSWORD)) {
                c.createStatement().execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('ok')");
            }
        }
        try (LocalPostgres pg = LocalPostgres.start(data, 0, Durability.FAST);
                Connection c =
                        DriverManager.getConnection(pg.jdbcUrl("intake"), LocalPostgres.USER, LocalPostgres.PASSWORD);
                ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }

    @Test
    void durablePostgresSyncsEveryCommitAndFastPostgresDoesNot() throws Exception {
        try (LocalPostgres durable = LocalPostgres.start(dir.resolve("durable"), 0, Durability.DURABLE);
                LocalPostgres fast = LocalPostgres.start(dir.resolve("fast"), 0, Durability.FAST)) {
            assertThat(setting(durable, "fsync")).isEqualTo("on");
            assertThat(setting(durable, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(durable, "full_page_writes")).isEqualTo("on");
            assertThat(setting(fast, "fsync")).isEqualTo("off");
            assertThat(setting(fast, "synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void killedPostgresTakesItsBackendsWithItAndRestartsWithEveryCommitOnTheSamePort() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(dir.resolve("pg"), 0, Durability.DURABLE)) {
            int port = pg.port();
            long postmasterPid;
            List<ProcessHandle> backends;
            // Open connections keep backends running: the kill must take them along, or the restart fails.
            try (Connection c = connect(pg);
                    Connection other = connect(pg)) {
                c.createStatement().execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('committed')");
                postmasterPid = postmasterPid(c);
                backends =
                        ProcessHandle.of(postmasterPid).orElseThrow().children().toList();
                assertThat(backends).isNotEmpty();

                pg.kill();

                assertThat(ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive))
                        .isEmpty();
                assertThat(backends).noneMatch(ProcessHandle::isAlive);
                assertThatThrownBy(() -> connect(pg)).isInstanceOf(SQLException.class);
            }

            pg.start();
            assertThat(pg.port()).isEqualTo(port);
            try (Connection c = connect(pg);
                    ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
                assertThat(postmasterPid(c)).isNotEqualTo(postmasterPid);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("committed");
            }
        }
    }

    @Test
    void stoppedPostgresRefusesConnectionsUntilStartedAgain() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(dir.resolve("pg"), 0, Durability.DURABLE)) {
            try (Connection c = connect(pg)) {
                c.createStatement().execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('committed')");
            }
            pg.stop();
            assertThatThrownBy(() -> connect(pg)).isInstanceOf(SQLException.class);

            pg.start();
            try (Connection c = connect(pg);
                    ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void issuedTokensSurviveAKeyReload() {
        JwtIssuer first = JwtIssuer.loadOrCreate(dir.resolve("jwt"));
        JwtIssuer again = JwtIssuer.loadOrCreate(dir.resolve("jwt"));
        assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem());
        assertThat(first.token("c", Set.of("reporter"), Map.of(), Duration.ofMinutes(1)))
                .matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    private static Connection connect(LocalPostgres pg) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl("postgres"), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    private static String setting(LocalPostgres pg, String name) throws SQLException {
        try (Connection c = connect(pg);
                ResultSet rs = c.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The pid of the postmaster: the parent of this connection's backend. */
    private static long postmasterPid(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return ProcessHandle.of(rs.getLong(1))
                    .flatMap(ProcessHandle::parent)
                    .orElseThrow()
                    .pid();
        }
    }
}
