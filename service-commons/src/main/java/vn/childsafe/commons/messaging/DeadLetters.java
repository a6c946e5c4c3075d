package vn.childsafe.commons.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;

/**
 * This service's dead-letter topic, {@code <service>.dlq} (one per consuming service, so replaying it reaches
 * only the service that failed): a record that can never be processed is copied there with its key, value and
 * headers, and {@code dead-letter-*} headers saying where it came from and why. The reason never quotes the
 * content.
 */
@ApplicationScoped
@Startup
public class DeadLetters {

    /** Header names, as SmallRye Reactive Messaging's dead-letter queue writes them. */
    public static final String REASON = "dead-letter-reason";

    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ECHO = 100;

    @Inject
    KafkaSettings kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private KafkaProducer<String, String> producer;
    private Counter sent;

    @Inject
    void register(MeterRegistry registry) {
        // Registered at start, so that an alert on its increase sees a zero before the first dead letter.
        sent = Counter.builder("childsafe.dead.letters")
                .description("Records moved to this service's dead-letter topic")
                .tag("topic", topic())
                .register(registry);
    }

    /** This service's dead-letter topic. */
    public String topic() {
        return service + ".dlq";
    }

    /**
     * Copies {@code record} to the dead-letter topic and waits for the broker's acknowledgement; throws if the
     * broker cannot take it, so that the record is not committed as consumed before it is safely stored.
     */
    public void send(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic(), record.key(), record.value());
        record.headers().forEach(dead.headers()::add);
        header(dead, REASON, reason);
        header(dead, TOPIC, record.topic());
        header(dead, PARTITION, Integer.toString(record.partition()));
        header(dead, OFFSET, Long.toString(record.offset()));
        try {
            producer().send(dead).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The dead-letter topic " + topic() + " cannot be written", e);
        }
        sent.increment();
        LOG.warnf(
                "Record %s-%d@%d (key %s) moved to %s: %s",
                record.topic(), record.partition(), record.offset(), record.key(), topic(), reason);
    }

    /** A header value cut to a length safe to echo in a dead-letter reason or a log line. */
    public static String shorten(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            var props = kafka.common();
            props.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            int timeout = (int) SEND_TIMEOUT.toMillis();
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout - 1_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
