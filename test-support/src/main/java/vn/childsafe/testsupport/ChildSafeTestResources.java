package vn.childsafe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.childsafe.local.infra.FreePorts;
import vn.childsafe.local.infra.JwtIssuer;
import vn.childsafe.local.infra.LocalKafka;
import vn.childsafe.local.infra.LocalPostgres;

/**
 * The real infrastructure for a service's {@code @QuarkusTest}s: a PostgreSQL server, a Kafka broker in its own
 * JVM with ChildSafe's topics (3 partitions each), and a JWT key pair whose tokens {@link TestTokens} issues.
 * Started once per test JVM, in parallel, on free ports.
 */
public class ChildSafeTestResources implements QuarkusTestResourceLifecycleManager {

    private LocalPostgres postgres;
    private LocalKafka kafka;

    @Override
    public Map<String, String> start() {
        try {
            Path root = Files.createTempDirectory("childsafe-test-");
            // Test-speed shortcut, confined to these tests: fsync and synchronous_commit off make every commit
            // much cheaper. Safe here because nothing outlives the test JVM: the data is a throwaway in a fresh
            // temp directory, and commits could only be lost if PostgreSQL or the machine crashed, which ends the
            // test run anyway. Anything that keeps data or tests crashes (the local stack) runs DURABLE.
            CompletableFuture<LocalPostgres> pg = CompletableFuture.supplyAsync(
                    () -> LocalPostgres.start(root.resolve("postgres"), 0, LocalPostgres.Durability.FAST));
            CompletableFuture<LocalKafka> broker = CompletableFuture.supplyAsync(
                    () -> LocalKafka.start(root.resolve("kafka"), FreePorts.next(), FreePorts.next(), "384m"));
            postgres = pg.join();
            kafka = broker.join();
            kafka.createTopics(LocalKafka.TOPICS, 3);

            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"));
            config.put("quarkus.datasource.username", LocalPostgres.USER);
            config.put("quarkus.datasource.password", LocalPostgres.PASSWORD);
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("mp.jwt.verify.publickey", TestTokens.issuer().publicKeyPem());
            config.put("mp.jwt.verify.issuer", JwtIssuer.ISSUER);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
