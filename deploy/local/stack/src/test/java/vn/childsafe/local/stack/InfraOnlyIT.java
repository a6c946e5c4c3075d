package vn.childsafe.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import vn.childsafe.local.infra.LocalPostgres;
import vn.childsafe.local.stack.LocalStack.Service;

/**
 * {@code deploy/local/run.sh --infra-only}: PostgreSQL with the three databases, Kafka with the topics, the demo
 * inbox and demo tokens, and no service, for one service in {@code quarkus:dev}. A second start on the same data
 * directory says in one line what holds which port; an unknown option is answered with the usage.
 */
class InfraOnlyIT {

    @Test
    void theInfrastructureAloneStartsAndASecondStartSaysWhoHoldsItsPorts() throws Exception {
        Path data = Files.createTempDirectory("childsafe-infra-it-");
        StackSettings settings = StackSettings.onFreePorts(data, "256m").withReplicas(0);
        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(data.resolve("demo-tokens.json")).exists();
            assertThat(data.resolve("jwt/publicKey.pem")).exists();
            try (Connection c = DriverManager.getConnection(
                    stack.jdbcUrl(Service.ROUTING), LocalPostgres.USER, LocalPostgres.PASSWORD)) {
                assertThat(c.isValid(5)).isTrue();
            }
            try (Admin kafka =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
                assertThat(kafka.listTopics().names().get(30, TimeUnit.SECONDS))
                        .contains("reports.received.v1", "cases.events.v1");
            }
            assertThat(ProcessHandle.current()
                            .descendants()
                            .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
                            .toList())
                    .isEmpty();

            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOf(StackLock.AlreadyRunning.class)
                    .hasMessageContaining("already running on " + data)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("PostgreSQL " + settings.postgresPort())
                    .hasMessageContaining("Kafka " + settings.kafkaPort())
                    .hasMessageContaining("kill " + ProcessHandle.current().pid())
                    .satisfies(
                            e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("epg-lock"));
            assertThat(stack.inboxUrl()).isNotBlank();
        }
    }

    @Test
    void anUnknownOptionIsAnsweredWithTheUsage() throws Exception {
        Process main = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--no-such-option")
                .redirectErrorStream(true)
                .start();
        String output = new String(main.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(main.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(main.exitValue()).isEqualTo(2);
        assertThat(output)
                .startsWith("Usage: deploy/local/run.sh")
                .contains("--infra-only")
                .contains("--replicas N");
    }
}
