package vn.childsafe.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records on the real broker, for tests that check what travels on Kafka. */
public final class KafkaTestClient {

    private final Map<String, Object> settings;

    public KafkaTestClient(String bootstrapServers) {
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** A client with these settings (bootstrap servers and, for a secured broker, TLS and SASL ones). */
    public KafkaTestClient(Map<String, Object> settings) {
        this.settings = Map.copyOf(settings);
    }

    /**
     * Reads {@code topic} from the beginning until a record matching {@code until} arrived or {@code timeout}
     * passed, and returns every record read.
     */
    public List<ConsumerRecord<String, String>> readUntil(
            String topic, Predicate<ConsumerRecord<String, String>> until, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(with(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName())))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (until.test(record)) {
                        return records;
                    }
                }
            }
        }
        return records;
    }

    /** The first record on {@code topic} with this key, or an error if none arrives in time. */
    public ConsumerRecord<String, String> awaitRecord(String topic, String key, Duration timeout) {
        return readUntil(topic, r -> key.equals(r.key()), timeout).stream()
                .filter(r -> key.equals(r.key()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No record with key " + key + " on " + topic));
    }

    /**
     * Waits until consumer group {@code group} has committed offsets at the end of every partition of
     * {@code topic}, i.e. has consumed everything sent so far.
     */
    public void awaitConsumed(String group, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(settings)) {
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                Set<TopicPartition> partitions = admin
                        .describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions()
                        .stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .collect(Collectors.toSet());
                Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(
                                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all()
                        .get(10, TimeUnit.SECONDS);
                boolean caughtUp = ends.entrySet().stream()
                        .allMatch(end -> end.getValue().offset() == 0
                                || committed.containsKey(end.getKey())
                                        && committed.get(end.getKey()).offset()
                                                >= end.getValue().offset());
                if (caughtUp) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Offsets of " + group + " could not be read", e);
        }
        throw new AssertionError(group + " did not consume all of " + topic + " within " + timeout);
    }

    /** Sends a record again, headers and all, as a broker redelivery or a relay re-send would. */
    public void resend(ConsumerRecord<String, String> original) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(original.topic(), original.key(), original.value());
        for (Header header : original.headers()) {
            copy.headers().add(header);
        }
        send(copy);
    }

    /** Sends a record and waits for the broker's acknowledgement. */
    public void send(ProducerRecord<String, String> record) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(with(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName())))) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Record could not be sent", e);
        }
    }

    private Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(settings);
        all.putAll(own);
        return all;
    }
}
