package vn.childsafe.deploy.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service needs from its cluster, read from its own code and configuration rather than restated: its name
 * (the consumer group and dead-letter topic follow it), ports, the environment variables its prod profile requires,
 * and the Kafka topics it publishes (outbox appends, dead letters) and consumes (its handlers' subscriptions).
 */
record ServiceFacts(
        String module,
        String name,
        int httpPort,
        int managementPort,
        Set<String> requiredEnv,
        Set<String> writes,
        Set<String> reads) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";");
    private static final Pattern APPEND =
            Pattern.compile("outbox\\.append\\(\\s*(Lane\\.of\\([^)]*\\)\\s*,\\s*)?EventTypes\\.(\\w+)");
    private static final Pattern SUBSCRIPTION =
            Pattern.compile("Subscription\\.(laned|single)\\(\\s*[^,]+,\\s*EventTypes\\.(\\w+)\\s*\\)");
    private static final Pattern DEAD_LETTER = Pattern.compile("return service \\+ \"([^\"]+)\";");

    /** The three services of the repository at {@code repository}, in module order. */
    static List<ServiceFacts> read(Path repository) {
        Path commons = repository.resolve("service-commons/src/main/java/vn/childsafe/commons");
        Map<String, String> topics = constants(commons.resolve("events/EventTypes.java"));
        String urgentSuffix = constants(commons.resolve("events/Lane.java")).get("URGENT_SUFFIX");
        Matcher dlq = DEAD_LETTER.matcher(text(commons.resolve("messaging/DeadLetters.java")));
        if (urgentSuffix == null || !dlq.find()) {
            throw new AssertionError("Lane.URGENT_SUFFIX or DeadLetters.topic() is no longer where this test reads it");
        }
        List<ServiceFacts> services = new ArrayList<>();
        for (String module : List.of("intake-service", "routing-service", "notify-service")) {
            services.add(read(repository.resolve(module), topics, urgentSuffix, dlq.group(1)));
        }
        return services;
    }

    /** The topics ChildSafe's local stack creates (LocalKafka.TOPICS), to hold deploy/local and deploy/k8s together. */
    static Set<String> localTopics(Path repository) {
        String code =
                text(repository.resolve("deploy/local/infra/src/main/java/vn/childsafe/local/infra/LocalKafka.java"));
        Matcher list = Pattern.compile("TOPICS = List\\.of\\(([^;]*)\\);").matcher(code);
        if (!list.find()) {
            throw new AssertionError("LocalKafka.TOPICS is no longer where this test reads it");
        }
        Set<String> topics = new TreeSet<>();
        Matcher name = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
        while (name.find()) {
            topics.add(name.group(1));
        }
        return topics;
    }

    private static ServiceFacts read(Path module, Map<String, String> topics, String urgentSuffix, String dlqSuffix) {
        Properties config = new Properties();
        try {
            // Every service also takes service-commons' defaults.
            config.load(new StringReader(text(module.resolveSibling("service-commons")
                    .resolve("src/main/resources/META-INF/microprofile-config.properties"))));
            config.load(new StringReader(text(module.resolve("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> requiredEnv = new TreeSet<>();
        config.forEach((key, value) -> {
            if (key.toString().startsWith("%prod.")) {
                Matcher placeholder = PLACEHOLDER.matcher(value.toString());
                while (placeholder.find()) {
                    requiredEnv.add(placeholder.group(1)); // no default after a colon: the variable is required
                }
            }
        });
        String code = javaSources(module.resolve("src/main/java"));
        Set<String> writes = new TreeSet<>();
        // The lane of an appended event is decided per event: both lanes' topics are written.
        int appends = addTopics(code, APPEND, append -> append.group(1) != null, topics, urgentSuffix, writes);
        Set<String> reads = new TreeSet<>();
        int subscriptions = addTopics(
                code, SUBSCRIPTION, subscription -> subscription.group(1).equals("laned"), topics, urgentSuffix, reads);
        if (appends != count(code, "outbox.append(")
                || subscriptions != count(code, "Subscription.laned(") + count(code, "Subscription.single(")) {
            throw new AssertionError(module + " publishes or subscribes in a way this test cannot read: extend it");
        }
        String name = config.getProperty("quarkus.application.name");
        if (!reads.isEmpty()) {
            writes.add(name + dlqSuffix); // every consuming service dead-letters to its own topic
        }
        return new ServiceFacts(
                module.getFileName().toString(),
                name,
                Integer.parseInt(config.getProperty("quarkus.http.port")),
                Integer.parseInt(config.getProperty("quarkus.management.port")),
                requiredEnv,
                writes,
                reads);
    }

    /**
     * Adds the topic each match of {@code pattern} in {@code code} names (its group 2, an EventTypes constant) to
     * {@code into}, and its urgent lane's where {@code laned} holds for the match. How many matches there were.
     */
    private static int addTopics(
            String code,
            Pattern pattern,
            Predicate<Matcher> laned,
            Map<String, String> topics,
            String urgentSuffix,
            Set<String> into) {
        Matcher match = pattern.matcher(code);
        int matches = 0;
        while (match.find()) {
            matches++;
            String topic = topic(topics, match.group(2));
            into.add(topic);
            if (laned.test(match)) {
                into.add(topic + urgentSuffix);
            }
        }
        return matches;
    }

    private static String topic(Map<String, String> topics, String constant) {
        String topic = topics.get(constant);
        if (topic == null) {
            throw new AssertionError("EventTypes." + constant + " is not a topic constant");
        }
        return topic;
    }

    private static Map<String, String> constants(Path file) {
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher constant = CONSTANT.matcher(text(file));
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        return constants;
    }

    private static String javaSources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            files.filter(f -> f.toString().endsWith(".java"))
                    .sorted()
                    .forEach(f -> all.append(text(f)).append('\n'));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            count++;
        }
        return count;
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
