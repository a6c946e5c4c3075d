package vn.childsafe.local.stack;

import java.nio.file.Files;
import java.nio.file.Path;

import vn.childsafe.local.infra.FreePorts;

/**
 * Ports, paths and sizes of the local stack. Each can be overridden by a system property
 * ({@code -Dchildsafe.intake-port=18081}) or an environment variable ({@code CHILDSAFE_INTAKE_PORT=18081}).
 */
public record StackSettings(
        Path repoRoot,
        Path dataDir,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int intakePort,
        int routingPort,
        int notifyPort,
        int inboxPort,
        String serviceHeap,
        int replicas) {

    /** Instance {@code n} (from 0) of a service listens on its port plus {@code n} times this: 8181-8183 for the second. */
    public static final int REPLICA_PORT_STEP = 100;

    public StackSettings {
        if (replicas < 0 || replicas > 9) {
            throw new IllegalArgumentException("replicas must be 0 (infrastructure only) to 9, not " + replicas);
        }
    }

    /** These settings with {@code replicas} instances of each service; 0 starts the infrastructure alone. */
    public StackSettings withReplicas(int replicas) {
        return new StackSettings(
                repoRoot,
                dataDir,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                intakePort,
                routingPort,
                notifyPort,
                inboxPort,
                serviceHeap,
                replicas);
    }

    /** The defaults listed in docs/runbook.md ("Local stack"), overridable one by one. */
    public static StackSettings fromEnvironment() {
        Path root = findRepoRoot();
        return new StackSettings(
                root,
                Path.of(setting("data-dir", root.resolve("deploy/local/.data").toString())),
                intSetting("postgres-port", 54320),
                intSetting("kafka-port", 9092),
                intSetting("kafka-controller-port", 9093),
                intSetting("intake-port", 8081),
                intSetting("routing-port", 8082),
                intSetting("notify-port", 8083),
                intSetting("inbox-port", 8089),
                setting("service-heap", "384m"),
                intSetting("replicas", 1));
    }

    /**
     * One instance of each service, every port free right now, data in {@code dataDir}: for a stack that runs beside
     * others on one machine (the whole-stack tests).
     */
    public static StackSettings onFreePorts(Path dataDir, String serviceHeap) {
        return new StackSettings(
                findRepoRoot(),
                dataDir,
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                serviceHeap,
                1);
    }

    /** The checkout this code runs from: the first directory upwards that holds {@code mvnw}. */
    public static Path findRepoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy/local"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Run from inside the ChildSafe checkout (no mvnw found above "
                + Path.of("").toAbsolutePath() + ")");
    }

    private static String setting(String name, String fallback) {
        String property = System.getProperty("childsafe." + name);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("CHILDSAFE_" + name.toUpperCase().replace('-', '_'));
        return env != null && !env.isBlank() ? env : fallback;
    }

    private static int intSetting(String name, int fallback) {
        return Integer.parseInt(setting(name, String.valueOf(fallback)));
    }
}
