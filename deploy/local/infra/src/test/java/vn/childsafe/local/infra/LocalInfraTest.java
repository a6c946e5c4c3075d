package vn.childsafe.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfraTest {

    @TempDir
    Path dir;

    @Test
    void kafkaBrokerRunsInItsOwnProcessAndSurvivesARestart() {
        try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"), FreePorts.next(),
                FreePorts.next(), "256m")) {
            kafka.createTopics(List.of("t1"), 3);
            KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers());
            client.send(new ProducerRecord<>("t1", "k1", "before restart"));

            kafka.stop();
            kafka.start();
            client.send(new ProducerRecord<>("t1", "k2", "after restart"));

            List<ConsumerRecord<String, String>> records = client.readUntil("t1", r -> "k2".equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("before restart",
                    "after restart");
        }
    }

    @Test
    void postgresKeepsItsDataAcrossRestartsAndCreatesDatabasesOnce() throws Exception {
        Path data = dir.resolve("pg");
        try (LocalPostgres pg = LocalPostgres.start(data, 0)) {
            pg.createDatabases(List.of("intake", "routing"));
            pg.createDatabases(List.of("intake"));
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("intake"), LocalPostgres.USER,
                    LocalPostgres.PASSWORD)) {
                c.createStatement().execute("CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('ok')");
            }
        }
        try (LocalPostgres pg = LocalPostgres.start(data, 0);
                Connection c = DriverManager.getConnection(pg.jdbcUrl("intake"), LocalPostgres.USER,
                        LocalPostgres.PASSWORD);
                ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }

    @Test
    void issuedTokensSurviveAKeyReload() {
        JwtIssuer first = JwtIssuer.loadOrCreate(dir.resolve("jwt"));
        JwtIssuer again = JwtIssuer.loadOrCreate(dir.resolve("jwt"));
        assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem());
        assertThat(first.token("c", java.util.Set.of("reporter"), java.util.Map.of(), Duration.ofMinutes(1)))
                .matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }
}
