package vn.childsafe.local.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code deploy/local/replay-dlq.sh}: re-publishes chosen records of a dead-letter topic ({@code <service>.dlq})
 * to the topic each came from (its {@code dead-letter-topic} header), with its key, value and CloudEvents headers
 * and without the {@code dead-letter-*} ones. Run it once the cause is fixed (docs/runbook.md, "Replaying dead
 * letters"). Replaying is idempotent: consumers de-duplicate by {@code ce_id}, so a record replayed twice, or one
 * that a consumer group had applied already, changes nothing a second time. Reads the dead-letter topic without a
 * consumer group, so it commits nothing and can be run again.
 */
public final class DeadLetterReplay {

    static final String DEAD_LETTER_PREFIX = "dead-letter-";
    static final String ORIGINAL_TOPIC = "dead-letter-topic";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DeadLetterReplay() {}

    /** A dead-letter record by its place in the dead-letter topic. */
    public record Position(int partition, long offset) {

        static Position parse(String text) {
            String[] parts = text.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not partition:offset: " + text);
            }
            return new Position(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        }
    }

    public static void main(String[] args) {
        String bootstrap = "127.0.0.1:9092";
        String topic = null;
        Path config = null;
        Set<Position> chosen = null;
        boolean all = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-server" -> bootstrap = value(args, ++i);
                case "--command-config" -> config = Path.of(value(args, ++i));
                case "--all" -> all = true;
                case "--records" ->
                    chosen = Arrays.stream(value(args, ++i).split(","))
                            .map(Position::parse)
                            .collect(Collectors.toSet());
                default -> {
                    if (args[i].startsWith("-") || topic != null) {
                        usage();
                    }
                    topic = args[i];
                }
            }
        }
        if (topic == null || all == (chosen != null)) {
            usage();
        }
        Properties kafka = new Properties();
        if (config != null) {
            try (Reader in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                kafka.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<String> replayed = replay(kafka, topic, chosen);
        replayed.forEach(line -> System.out.println("[childsafe] replayed " + line));
        System.out.println("[childsafe] " + replayed.size() + " record(s) re-published from " + topic);
    }

    /**
     * Re-publishes the records of {@code deadLetterTopic} at {@code chosen} positions, or every record when
     * {@code chosen} is null.
     *
     * @param kafka client settings (bootstrap servers, TLS, SASL)
     * @return one line per record re-published: where it was and where it went
     */
    public static List<String> replay(Properties kafka, String deadLetterTopic, Set<Position> chosen) {
        List<String> replayed = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(kafka));
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(kafka))) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Could not read " + deadLetterTopic + " to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<String, String> dead : consumer.poll(Duration.ofMillis(500))) {
                    if (chosen != null && !chosen.contains(new Position(dead.partition(), dead.offset()))) {
                        continue;
                    }
                    Header original = dead.headers().lastHeader(ORIGINAL_TOPIC);
                    if (original == null) {
                        throw new IllegalStateException(deadLetterTopic + " " + dead.partition() + ":" + dead.offset()
                                + " has no " + ORIGINAL_TOPIC + " header: not a dead letter");
                    }
                    String target = new String(original.value(), StandardCharsets.UTF_8);
                    ProducerRecord<String, String> again = new ProducerRecord<>(target, dead.key(), dead.value());
                    for (Header header : dead.headers()) {
                        if (!header.key().startsWith(DEAD_LETTER_PREFIX)) {
                            again.headers().add(header);
                        }
                    }
                    producer.send(again).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    replayed.add(deadLetterTopic + " " + dead.partition() + ":" + dead.offset() + " -> " + target
                            + " (key " + dead.key() + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying " + deadLetterTopic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not re-publish a record of " + deadLetterTopic, e);
        }
        return replayed;
    }

    private static Properties consumerProperties(Properties kafka) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-replay-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private static Properties producerProperties(Properties kafka) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letter-replay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage();
        }
        return args[i];
    }

    private static void usage() {
        System.err.println("""
                Usage: deploy/local/replay-dlq.sh <service>.dlq (--all | --records P:O[,P:O...])
                                                  [--bootstrap-server HOST:PORT] [--command-config FILE]
                  Re-publishes dead letters to the topic named in their dead-letter-topic header; consumers
                  de-duplicate by ce_id, so replaying twice changes nothing. --records takes partition:offset
                  positions in the dead-letter topic. --command-config: Kafka client properties (TLS, SASL).
                  See docs/runbook.md, "Replaying dead letters".""");
        System.exit(2);
    }
}
