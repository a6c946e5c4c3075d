package vn.childsafe.local.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) running in its own JVM, with its data in
 * a directory of its own. Used by the local stack and, through {@link ChildSafeTestResources}, by the tests.
 *
 * <p>By default clients connect in plain text and may do anything. {@link #startSecured} starts it as production
 * runs Kafka (docs/deploy.md): one SASL_SSL listener with SCRAM-SHA-512 and a self-signed certificate, and the
 * KRaft {@code StandardAuthorizer} refusing whatever no ACL allows. Only {@link #ADMIN_USER}, a super user,
 * exists at first; {@link #createUser} and {@link #createAcls} add the rest.
 */
public final class LocalKafka implements AutoCloseable {

    /** The super user of a secured broker, for the set-up (topics, users, ACLs) and tests' checks; no service's. */
    public static final String ADMIN_USER = "local-admin";
    /** The SASL mechanism of a secured broker, as Strimzi's {@code scram-sha-512} authentication. */
    public static final String SASL_MECHANISM = "SCRAM-SHA-512";
    /** The broker's own login on its controller listener (SASL PLAIN: SCRAM users live in the metadata it serves). */
    private static final String CONTROLLER_USER = "local-controller";

    private static final String CERTIFICATE_ALIAS = "broker";

    /**
     * ChildSafe's topics (each lane of reports and case events: normal and urgent), and one dead-letter topic per
     * consuming service, created up front so that consumers never wait for them.
     */
    public static final List<String> TOPICS = List.of(
            "reports.received.v1",
            "reports.received.v1.urgent",
            "cases.events.v1",
            "cases.events.v1.urgent",
            "notify.events.v1",
            "intake-service.dlq",
            "routing-service.dlq",
            "notify-service.dlq");

    /** Generous: on a loaded 2-core machine the broker JVM alone can take a minute to come up. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private final boolean secured;
    private Process process;

    private LocalKafka(Path dataDir, int port, int controllerPort, String heap, boolean secured) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
        this.secured = secured;
    }

    /**
     * Starts a broker, formatting its storage on first use; returns once it answers.
     *
     * @param dataDir        where the broker keeps its logs and configuration (reused on the next start)
     * @param port           client port on 127.0.0.1
     * @param controllerPort KRaft controller port on 127.0.0.1
     */
    public static LocalKafka start(Path dataDir, int port, int controllerPort, String heap) {
        LocalKafka kafka = new LocalKafka(dataDir.toAbsolutePath(), port, controllerPort, heap, false);
        kafka.start();
        return kafka;
    }

    /**
     * Starts a broker whose only client listener is SASL_SSL (SCRAM-SHA-512) with a self-signed certificate for
     * 127.0.0.1, and whose authorizer refuses what no ACL allows; the certificate and the admin's password are
     * made on first use and kept in {@code dataDir}.
     *
     * @see #start(Path, int, int, String)
     */
    public static LocalKafka startSecured(Path dataDir, int port, int controllerPort, String heap) {
        LocalKafka kafka = new LocalKafka(dataDir.toAbsolutePath(), port, controllerPort, heap, true);
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Settings of a client that may do anything: plain text, or on a secured broker the {@link #ADMIN_USER}. */
    public Map<String, Object> adminClientSettings() {
        return secured
                ? clientSettings(ADMIN_USER, secrets().getProperty(ADMIN_USER))
                : Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /**
     * Settings of a client of a secured broker logging in as {@code user}: SASL_SSL, SCRAM-SHA-512, and the
     * broker's certificate as the PEM trust store, the same {@code kafka.*} settings the services get in
     * production (deploy/k8s/base).
     */
    public Map<String, Object> clientSettings(String user, String password) {
        requireSecured();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        settings.put(SaslConfigs.SASL_MECHANISM, SASL_MECHANISM);
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, password));
        settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        settings.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, certificate().toString());
        return settings;
    }

    /** The secured broker's self-signed certificate (PEM), the only one its clients need to trust. */
    public Path certificate() {
        requireSecured();
        return securityDir().resolve("broker.crt");
    }

    /**
     * Creates (or gives a new password to) a SCRAM-SHA-512 user on a secured broker, as Strimzi's user operator
     * does for a {@code KafkaUser}.
     *
     * @return the user's new password
     */
    public String createUser(String user) {
        requireSecured();
        String password = newSecret();
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka user " + user + " could not be created", e);
        }
        return password;
    }

    /** Adds ACLs on a secured broker. */
    public void createAcls(Collection<AclBinding> acls) {
        requireSecured();
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("ACLs could not be created", e);
        }
    }

    /** Starts the broker process (again, after {@link #stop()}) and waits until it serves clients. */
    public synchronized void start() {
        try {
            Files.createDirectories(dataDir);
            if (secured) {
                createSecurityMaterial();
            }
            Path config = writeConfig();
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                format(config);
            }
            process = java(
                            "vn.childsafe.local.kafka.BrokerMain",
                            String.valueOf(ProcessHandle.current().pid()),
                            config.toString())
                    .start();
            awaitReady();
        } catch (IOException e) {
            throw new IllegalStateException("Kafka could not be started in " + dataDir, e);
        }
    }

    /** Stops the broker process and waits for it to be gone. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        process = null;
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Topics could not be created", e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Topics could not be created", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        String client = secured ? "SASL_SSL" : "PLAINTEXT";
        p.put("listeners", client + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", client + "://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", client);
        if (secured) {
            p.putAll(securitySettings());
        } else {
            p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        }
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            p.store(out, "Written by ChildSafe's local stack; regenerated on every start");
        }
        return config;
    }

    /**
     * The secured broker's listeners and authorizer. The controller listener takes SASL PLAIN with a user of its
     * own, since SCRAM users live in the metadata the controller serves; the admin's SCRAM credentials are written
     * when the storage is formatted, so that the broker can log in to itself before anyone could create them.
     */
    private Properties securitySettings() {
        Properties secrets = secrets();
        Properties p = new Properties();
        p.put("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,SASL_SSL:SASL_SSL");
        p.put("sasl.enabled.mechanisms", SASL_MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", SASL_MECHANISM);
        p.put(
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                scramLogin(ADMIN_USER, secrets.getProperty(ADMIN_USER)));
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        String controllerPassword = secrets.getProperty(CONTROLLER_USER);
        p.put(
                "listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER_USER
                        + "\" password=\"" + controllerPassword + "\" user_" + CONTROLLER_USER + "=\""
                        + controllerPassword + "\";");
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", securityDir().resolve("broker.p12").toString());
        p.put("ssl.keystore.password", secrets.getProperty("keystore"));
        p.put("ssl.key.password", secrets.getProperty("keystore"));
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", certificate().toString());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN_USER + ";User:" + CONTROLLER_USER);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** Passwords and the certificate, made once per data directory with the JDK's keytool. */
    private void createSecurityMaterial() throws IOException {
        Path dir = securityDir();
        if (Files.exists(dir.resolve("secrets.properties"))) {
            return;
        }
        Files.createDirectories(dir);
        Properties secrets = new Properties();
        secrets.setProperty(ADMIN_USER, newSecret());
        secrets.setProperty(CONTROLLER_USER, newSecret());
        secrets.setProperty("keystore", newSecret());
        String keystore = dir.resolve("broker.p12").toString();
        keytool(
                "-genkeypair",
                "-alias",
                CERTIFICATE_ALIAS,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "365",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore",
                keystore,
                "-storetype",
                "PKCS12",
                "-storepass",
                secrets.getProperty("keystore"));
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                CERTIFICATE_ALIAS,
                "-keystore",
                keystore,
                "-storetype",
                "PKCS12",
                "-storepass",
                secrets.getProperty("keystore"),
                "-file",
                dir.resolve("broker.crt").toString());
        // Written last: its presence means the rest is complete.
        try (var out = Files.newBufferedWriter(dir.resolve("secrets.properties"))) {
            secrets.store(out, "Passwords of this local secured Kafka broker");
        }
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        try {
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed; see " + logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }

    private Path securityDir() {
        return dataDir.resolve("security");
    }

    private Properties secrets() {
        Properties secrets = new Properties();
        try (var in = Files.newBufferedReader(securityDir().resolve("secrets.properties"))) {
            secrets.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("The secured broker's secrets are missing in " + securityDir(), e);
        }
        return secrets;
    }

    private void requireSecured() {
        if (!secured) {
            throw new IllegalStateException("Only a broker started with startSecured has users and certificates");
        }
    }

    private static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    private static String newSecret() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private void format(Path config) throws IOException {
        List<String> args = new ArrayList<>(
                List.of("format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
        if (secured) {
            args.addAll(List.of(
                    "--add-scram",
                    SASL_MECHANISM + "=[name=" + ADMIN_USER + ",password="
                            + secrets().getProperty(ADMIN_USER) + "]"));
        }
        Process formatter =
                java("kafka.tools.StorageTool", args.toArray(String[]::new)).start();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed; see " + logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(brokerClasspath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    }

    private Path logFile() {
        return dataDir.resolve("kafka.log");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + logFile());
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                sleep(250);
            }
        }
        stop();
        throw new IllegalStateException(
                "Kafka did not become ready within " + START_TIMEOUT + "; see " + logFile(), last);
    }

    private Admin admin() {
        Map<String, Object> settings = new LinkedHashMap<>(adminClientSettings());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        return Admin.create(settings);
    }

    /** The broker's classpath as written at build time, plus the jar holding {@code BrokerMain}. */
    private static String brokerClasspath() throws IOException {
        URL resource = LocalKafka.class.getClassLoader().getResource("kafka-broker.classpath");
        if (resource == null) {
            throw new IllegalStateException("kafka-broker.classpath is missing: build deploy/local/kafka-broker");
        }
        String classpath;
        try (InputStream in = resource.openStream()) {
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        String url = resource.toString();
        String ownLocation = url.startsWith("jar:file:")
                ? url.substring("jar:file:".length(), url.indexOf("!/"))
                : url.substring("file:".length(), url.length() - "kafka-broker.classpath".length());
        return List.of(ownLocation, classpath).stream().collect(Collectors.joining(File.pathSeparator));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
