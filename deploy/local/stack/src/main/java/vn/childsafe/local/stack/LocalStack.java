package vn.childsafe.local.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.acl.AclBinding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.local.infra.JwtIssuer;
import vn.childsafe.local.infra.LocalKafka;
import vn.childsafe.local.infra.LocalPostgres;
import vn.childsafe.local.infra.LocalPostgres.Durability;

/**
 * The whole of ChildSafe on one machine: PostgreSQL, a Kafka broker, intake, routing and notify as separate JVMs
 * running their packaged jars in the production profile, and the demo unit inbox. Keys, tokens and data live in
 * {@link StackSettings#dataDir()} and are reused on the next start. PostgreSQL runs {@link Durability#DURABLE},
 * as in production, so that a crash loses nothing a service saw committed.
 *
 * <p>{@link #startWithSecuredKafka} secures Kafka as production does (docs/deploy.md): SASL_SSL, and each service
 * logs in as its own user with the ACLs of {@value KafkaUsers#MANIFEST}, through the same {@code KAFKA_*}
 * environment variables as its Kubernetes Deployment.
 */
public final class LocalStack implements AutoCloseable {

    /** The services, in start order, with their database names. */
    public enum Service {
        INTAKE("intake-service", "intake"),
        ROUTING("routing-service", "routing"),
        NOTIFY("notify-service", "notify");

        final String module;
        final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration TOKEN_TTL = Duration.ofDays(30);
    /** Each service's management interface listens on its API port plus this (9081-9083 by default). */
    static final int MANAGEMENT_PORT_OFFSET = 1000;
    /** The demo government system that posts in bulk (token {@code bulk}), with a quota for benchmarks. */
    static final String BULK_CLIENT = "demo-bulk-system";
    /** 2,000 writes a second: the benchmark must measure the pipeline, not the quota. */
    static final int BULK_PER_MINUTE = 120_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final StackSettings settings;
    private final boolean securedKafka;
    /** Each service's Kafka password, on a secured broker. */
    private final Map<Service, String> kafkaPasswords = new EnumMap<>(Service.class);

    private final Map<String, String> serviceEnv;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Instance, Process> processes = new LinkedHashMap<>();
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private DemoInbox inbox;
    private JwtIssuer jwt;
    private Map<String, String> tokens;
    private StackLock lock;

    private LocalStack(StackSettings settings, boolean securedKafka, Map<String, String> serviceEnv) {
        this.settings = settings;
        this.securedKafka = securedKafka;
        this.serviceEnv = Map.copyOf(serviceEnv);
    }

    /** Starts everything and returns once every service reports ready and the demo data is seeded. */
    public static LocalStack start(StackSettings settings) {
        return start(settings, Map.of());
    }

    /**
     * Like {@link #start(StackSettings)}, with a broker that takes only SASL_SSL clients (SCRAM-SHA-512, a
     * self-signed certificate) and refuses what the ACLs of {@value KafkaUsers#MANIFEST} do not allow. Each service
     * gets its own user of that file.
     */
    public static LocalStack startWithSecuredKafka(StackSettings settings) {
        return start(new LocalStack(settings, true, Map.of()));
    }

    /**
     * Starts everything, with extra environment variables for every service instance (e.g. to turn tracing or JSON
     * logs on), over what the stack sets itself.
     */
    public static LocalStack start(StackSettings settings, Map<String, String> serviceEnv) {
        return start(new LocalStack(settings, false, serviceEnv));
    }

    private static LocalStack start(LocalStack stack) {
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            // Whatever went wrong, no process this stack started may outlive it.
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        Path data = settings.dataDir();
        lock = StackLock.acquire(data, describePorts());
        jwt = JwtIssuer.loadOrCreate(data.resolve("jwt"));
        Map<String, String> secrets = webhookSecrets(data.resolve("demo-webhook-secrets.properties"));
        CompletableFuture<LocalPostgres> pg = CompletableFuture.supplyAsync(
                () -> LocalPostgres.start(data.resolve("postgres"), settings.postgresPort(), Durability.DURABLE));
        CompletableFuture<LocalKafka> broker = CompletableFuture.supplyAsync(() -> securedKafka
                ? LocalKafka.startSecured(
                        data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort(), "512m")
                : LocalKafka.start(
                        data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort(), "512m"));
        postgres = pg.join();
        log("PostgreSQL   127.0.0.1:" + postgres.port());
        kafka = broker.join();
        log("Kafka        " + kafka.bootstrapServers());
        postgres.createDatabases(
                List.of(Service.values()).stream().map(s -> s.database).toList());
        kafka.createTopics(LocalKafka.TOPICS, 3);
        if (securedKafka) {
            createKafkaUsers();
        }
        try {
            inbox = new DemoInbox(settings.inboxPort(), secrets);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo inbox could not listen on " + settings.inboxPort(), e);
        }
        for (Instance instance : instances()) {
            processes.put(instance, launch(instance));
        }
        for (Instance instance : instances()) {
            awaitReady(instance);
        }
        tokens = writeDemoTokens(data.resolve("demo-tokens.json"));
        if (settings.replicas() == 0) {
            log("Infrastructure only: no service started, demo agencies not seeded (docs/runbook.md, "
                    + "\"One service in dev mode\")");
            return;
        }
        seed(secrets);
    }

    /** Creates each service's Kafka user with the ACLs the manifests give it. */
    private void createKafkaUsers() {
        Map<String, List<AclBinding>> users =
                KafkaUsers.read(settings.repoRoot().resolve(KafkaUsers.MANIFEST));
        for (Service service : Service.values()) {
            List<AclBinding> acls = users.get(service.module);
            if (acls == null) {
                throw new IllegalStateException(KafkaUsers.MANIFEST + " has no KafkaUser " + service.module);
            }
            kafkaPasswords.put(service, kafka.createUser(service.module));
            kafka.createAcls(acls);
        }
        log("Kafka users  " + users.keySet() + " with the ACLs of " + KafkaUsers.MANIFEST);
    }

    /**
     * The Kafka settings of a service's JVM as environment variables, named as in its Kubernetes Deployment
     * ({@code KAFKA_SECURITY_PROTOCOL} for {@code kafka.security.protocol}, ...): Quarkus turns them back into
     * {@code kafka.*} settings, which every Kafka client of the service takes (docs/runbook.md).
     */
    Map<String, String> kafkaEnvironment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, Object> client =
                securedKafka ? kafkaClientSettings(service) : Map.of("bootstrap.servers", kafka.bootstrapServers());
        client.forEach((key, value) ->
                env.put("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), String.valueOf(value)));
        return env;
    }

    /** Which ports this stack takes, for the message a second start prints. */
    private String describePorts() {
        StringBuilder ports = new StringBuilder("PostgreSQL " + settings.postgresPort() + ", Kafka "
                + settings.kafkaPort() + "/" + settings.kafkaControllerPort() + ", demo inbox " + settings.inboxPort());
        for (Instance instance : instances()) {
            ports.append(", ")
                    .append(instance.name())
                    .append(' ')
                    .append(port(instance))
                    .append('/')
                    .append(port(instance) + MANAGEMENT_PORT_OFFSET);
        }
        return ports.toString();
    }

    /**
     * Base URL of a service's management interface (health, metrics), e.g. {@code http://127.0.0.1:9081}: its API
     * port plus {@value #MANAGEMENT_PORT_OFFSET}.
     */
    public String managementUrl(Service service) {
        return managementUrl(new Instance(service, 0));
    }

    /** Base URL of the management interface of instance {@code index} (from 0) of a service. */
    public String managementUrl(Service service, int index) {
        return managementUrl(new Instance(service, index));
    }

    /** Where each service instance writes its log ({@code <module>.log}, {@code <module>-2.log} ...). */
    public Path logDirectory() {
        return settings.dataDir().resolve("logs");
    }

    /** Base URL of a service's first instance, e.g. {@code http://127.0.0.1:8081}. */
    public String url(Service service) {
        return url(new Instance(service, 0));
    }

    /** Base URL of instance {@code index} (from 0) of a service, e.g. {@code http://127.0.0.1:8181} for the second. */
    public String url(Service service, int index) {
        return url(new Instance(service, index));
    }

    private String url(Instance instance) {
        return "http://127.0.0.1:" + port(instance);
    }

    private String managementUrl(Instance instance) {
        return "http://127.0.0.1:" + (port(instance) + MANAGEMENT_PORT_OFFSET);
    }

    public String inboxUrl() {
        return "http://127.0.0.1:" + inbox.port();
    }

    public DemoInbox inbox() {
        return inbox;
    }

    /** Demo tokens by name ({@code reporter}, {@code admin}, {@code unit:CA-01} ...). */
    public Map<String, String> tokens() {
        return tokens;
    }

    public String jdbcUrl(Service service) {
        return postgres.jdbcUrl(service.database);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Settings of a Kafka client that may do anything (on a secured broker: the set-up's super user). */
    public Map<String, Object> kafkaAdminSettings() {
        return kafka.adminClientSettings();
    }

    /** The Kafka client settings a service runs with on a secured broker: its own user, SASL_SSL. */
    public Map<String, Object> kafkaClientSettings(Service service) {
        if (!securedKafka) {
            throw new IllegalStateException("Services have Kafka users only in a stack with secured Kafka");
        }
        return kafka.clientSettings(service.module, kafkaPasswords.get(service));
    }

    /** Stops the broker, to show what happens while Kafka is down. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the broker again on the same data. */
    public void startKafka() {
        kafka.start();
    }

    /**
     * Kills PostgreSQL with SIGKILL, as a crash would; {@link #startPostgres()} brings it back on the same data and
     * port, and it recovers from its write-ahead log.
     */
    public void killPostgres() {
        postgres.kill();
    }

    /** Shuts PostgreSQL down ({@code pg_ctl stop -m fast}); connections are refused until {@link #startPostgres()}. */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts PostgreSQL again on the same data and port. */
    public void startPostgres() {
        postgres.start();
    }

    /** The JVM of the service's first instance, e.g. to tell whether it restarted. */
    public ProcessHandle process(Service service) {
        return process(service, 0);
    }

    /** The JVM of instance {@code index} (from 0) of a service. */
    public ProcessHandle process(Service service, int index) {
        return processes.get(new Instance(service, index)).toHandle();
    }

    /** Kills instance {@code index} of a service with SIGKILL, as a crashed machine would end it. */
    public void kill(Service service, int index) throws InterruptedException {
        Process process = processes.get(new Instance(service, index));
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** One running copy of a service: the first ({@code index} 0) or a replica. */
    private record Instance(Service service, int index) {

        String name() {
            return index == 0 ? service.module : service.module + "-" + (index + 1);
        }
    }

    private List<Instance> instances() {
        List<Instance> all = new ArrayList<>();
        for (int index = 0; index < settings.replicas(); index++) {
            for (Service service : Service.values()) {
                all.add(new Instance(service, index));
            }
        }
        return all;
    }

    private int port(Instance instance) {
        int first = switch (instance.service()) {
            case INTAKE -> settings.intakePort();
            case ROUTING -> settings.routingPort();
            case NOTIFY -> settings.notifyPort();
        };
        return first + instance.index() * StackSettings.REPLICA_PORT_STEP;
    }

    private Process launch(Instance instance) {
        Service service = instance.service();
        Path jar = settings.repoRoot().resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        Path logs = settings.dataDir().resolve("logs");
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx" + settings.serviceHeap(),
                            "-XX:+UseSerialGC",
                            "-XX:+ExitOnOutOfMemoryError",
                            // The demo bulk system's own quota: the benchmark posts thousands of reports a second with
                            // it.
                            "-Dchildsafe.quota.clients." + BULK_CLIENT + ".per-minute=" + BULK_PER_MINUTE,
                            "-jar",
                            jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logs.resolve(instance.name() + ".log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port(instance)));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(port(instance) + MANAGEMENT_PORT_OFFSET));
            env.put("DB_URL", postgres.jdbcUrl(service.database));
            env.put("DB_USER", LocalPostgres.USER);
            env.put("DB_PASSWORD", LocalPostgres.PASSWORD);
            env.putAll(kafkaEnvironment(service));
            env.put("JWT_ISSUER", JwtIssuer.ISSUER);
            env.put("JWT_AUDIENCE", JwtIssuer.AUDIENCE);
            env.put(
                    "JWT_PUBLIC_KEY_LOCATION",
                    settings.dataDir()
                            .resolve("jwt/publicKey.pem")
                            .toAbsolutePath()
                            .toString());
            env.putAll(serviceKeys(settings.dataDir().resolve("vault-keys.properties"), service));
            // The demo inbox is plain http on loopback; production contact points must be https.
            env.put("CHILDSAFE_DELIVERY_ALLOW_HTTP_LOOPBACK", "true");
            // The public page is served over plain http on loopback here; production serves it over TLS.
            env.put("PUBLIC_PAGE_SECURE_COOKIE", "false");
            env.put("CHILDSAFE_NOTIFY_CASE_LINK_BASE", url(Service.ROUTING) + "/api/v1");
            // Readable logs on a developer's machine although the services run in the production profile; the
            // environment of run.sh can still ask for JSON (docs/runbook.md, "Tracing and logs"). Tracing stays off
            // unless that environment sets OTEL_SDK_DISABLED=false: the services inherit it.
            env.putIfAbsent("CHILDSAFE_LOG_JSON", "false");
            env.putAll(serviceEnv);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(service.module + " could not be started", e);
        }
    }

    private void awaitReady(Instance instance) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl(instance) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            Process process = processes.get(instance);
            if (!process.isAlive()) {
                throw new IllegalStateException(instance.name() + " exited with " + process.exitValue() + "; see "
                        + settings.dataDir().resolve("logs/" + instance.name() + ".log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log(String.format(
                            "%-16s %s  (Swagger UI: %s/q/swagger-ui)", instance.name(), url(instance), url(instance)));
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + instance.name(), e);
            }
            sleep(500);
        }
        throw new IllegalStateException(instance.name() + " was not ready within " + READY_TIMEOUT + "; see "
                + settings.dataDir().resolve("logs/" + instance.name() + ".log"));
    }

    private Map<String, String> writeDemoTokens(Path file) {
        Map<String, String> demo = new LinkedHashMap<>();
        demo.put("reporter", jwt.token("demo-gov-system", Set.of("reporter"), Map.of(), TOKEN_TTL));
        demo.put("bulk", jwt.token(BULK_CLIENT, Set.of("reporter"), Map.of(), TOKEN_TTL));
        demo.put("platform", jwt.token("platform-demo", Set.of("platform"), Map.of("platform", "demo"), TOKEN_TTL));
        demo.put("admin", jwt.token("demo-admin", Set.of("admin"), Map.of(), TOKEN_TTL));
        demo.put("ops", jwt.token("demo-ops", Set.of("ops"), Map.of(), TOKEN_TTL));
        for (DemoData.Agency agency : DemoData.agencies()) {
            demo.put(
                    "unit:" + agency.code(),
                    jwt.token("unit-" + agency.code(), Set.of("unit"), Map.of("agency", agency.code()), TOKEN_TTL));
        }
        try {
            Files.writeString(file, JSON.writeValueAsString(demo));
        } catch (IOException e) {
            throw new UncheckedIOException("Demo tokens could not be written", e);
        }
        return Map.copyOf(demo);
    }

    /** Registers the demo agencies with routing and points their contact points at the demo inbox. */
    private void seed(Map<String, String> secrets) {
        String admin = tokens.get("admin");
        for (DemoData.Agency agency : DemoData.agencies()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", agency.code());
            body.put("name", agency.name());
            body.put("type", agency.type());
            body.put("provinceCode", agency.provinceCode());
            body.put("escalationParentCode", agency.escalationParentCode());
            body.put("active", true);
            put(url(Service.ROUTING) + "/api/v1/agencies/" + agency.code(), admin, body);

            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("webhookUrl", inboxUrl() + "/hooks/" + agency.code());
            contact.put("secrets", List.of(secrets.get(agency.code())));
            contact.put("emails", List.of());
            contact.put("smsNumbers", List.of());
            put(url(Service.NOTIFY) + "/api/v1/contact-points/" + agency.code(), admin, contact);
        }
        log("Seeded " + DemoData.agencies().size() + " demo agencies; their alerts go to " + inboxUrl() + "/received");
    }

    private void put(String url, String token, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        "PUT " + url + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PUT " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> webhookSecrets(Path file) {
        Properties stored = load(file);
        boolean changed = false;
        for (DemoData.Agency agency : DemoData.agencies()) {
            if (!stored.containsKey(agency.code())) {
                stored.setProperty(agency.code(), WebhookSignature.newSecret());
                changed = true;
            }
        }
        if (changed) {
            store(file, stored, "Webhook signing secrets of the demo agencies (shared by notify and the demo inbox)");
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        stored.forEach((k, v) -> secrets.put((String) k, (String) v));
        return secrets;
    }

    /**
     * Each service's own field-encryption key ring, and intake's CSRF signing key, generated on first start.
     * Intake's ring keeps the unprefixed names it was first written with, so that identities stored by earlier
     * stacks stay readable.
     */
    private static synchronized Map<String, String> serviceKeys(Path file, Service service) {
        String prefix = service == Service.INTAKE ? "" : service.module + ".";
        Properties stored = load(file);
        if (!stored.containsKey(prefix + "VAULT_KEYS")) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            stored.setProperty(
                    prefix + "VAULT_KEYS", "local1:" + Base64.getEncoder().encodeToString(key));
            stored.setProperty(prefix + "VAULT_ACTIVE_KEY", "local1");
            store(
                    file,
                    stored,
                    "Field-encryption keys of this local stack, one ring per service; losing them makes "
                            + "stored identities, notes and signing secrets unreadable");
        }
        if (!stored.containsKey("CSRF_SIGNATURE_KEY")) {
            // Signs the public page's CSRF cookie (intake); a new key only makes open pages reload.
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            stored.setProperty("CSRF_SIGNATURE_KEY", Base64.getEncoder().encodeToString(key));
            store(
                    file,
                    stored,
                    "Field-encryption keys of this local stack, one ring per service; losing them makes "
                            + "stored identities, notes and signing secrets unreadable");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VAULT_KEYS", stored.getProperty(prefix + "VAULT_KEYS"));
        env.put("VAULT_ACTIVE_KEY", stored.getProperty(prefix + "VAULT_ACTIVE_KEY"));
        if (service == Service.INTAKE) {
            env.put("CSRF_SIGNATURE_KEY", stored.getProperty("CSRF_SIGNATURE_KEY"));
        }
        return env;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static void store(Path file, Properties properties, String comment) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, comment);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every process this stack started, services first, and waits for them to be gone. */
    @Override
    public void close() {
        List<Process> running = new ArrayList<>(processes.values());
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
        if (inbox != null) {
            inbox.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    static void log(String line) {
        System.out.println("[childsafe] " + line);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
