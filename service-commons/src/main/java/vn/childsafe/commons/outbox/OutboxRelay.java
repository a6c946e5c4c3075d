package vn.childsafe.commons.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.commons.messaging.KafkaSettings;
import vn.childsafe.commons.tracing.Spans;
import vn.childsafe.commons.tracing.TraceContexts;
import vn.childsafe.commons.worker.PollingWorker;

/**
 * Publishes outbox events to Kafka, at least once, urgent lane first and otherwise in commit order: a batch is
 * sent and marked published only after the broker acknowledged every record. While Kafka is down the batch is
 * rolled back and retried with backoff; nothing is lost, and consumers de-duplicate the rare re-sent record by its
 * {@code ce_id}.
 * <p>
 * With several instances of a service, only one relay publishes at a time: each batch's transaction first takes a
 * PostgreSQL advisory lock, and an instance that cannot get it skips its turn. Two relays working on different
 * batches at once could otherwise publish a later event of a case before an earlier one (docs/architecture.md,
 * "Several instances").
 */
@ApplicationScoped
public class OutboxRelay extends PollingWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);
    /** The advisory lock key of the relay; each service has a database of its own. */
    static final long RELAY_LOCK = 0x4368_5361_6665_4f42L;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @Inject
    KafkaSettings kafka;

    @Inject
    Spans spans;

    private KafkaProducer<String, String> producer;
    private Instant lastCleanup = Instant.EPOCH;

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        start("outbox-relay");
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stop();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    protected boolean workOnce() {
        return publishBatch() == config.batchSize();
    }

    @Override
    protected Duration pollInterval() {
        return config.pollInterval();
    }

    @Override
    protected Duration maxBackoff() {
        return config.maxBackoff();
    }

    @Override
    protected void idle() {
        cleanUpIfDue();
    }

    /**
     * Publishes one batch.
     *
     * @return how many events were published
     */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!(Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK)
                    .getSingleResult()) {
                return 0; // another instance's relay is publishing
            }
            @SuppressWarnings("unchecked")
            List<OutboxEvent> batch = em.createNativeQuery(
                            "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY priority, created_at, id "
                                    + "LIMIT :limit FOR UPDATE SKIP LOCKED",
                            OutboxEvent.class)
                    .setParameter("limit", config.batchSize())
                    .getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            List<Span> published = new ArrayList<>(batch.size());
            try {
                for (OutboxEvent event : batch) {
                    // One span per event, in the trace of the request that wrote it: the record carries this span
                    // as its traceparent, so the consumer's span hangs below the publication.
                    Span span = spans.start(event.topic + " publish", SpanKind.PRODUCER, event.traceparent);
                    published.add(span);
                    acks.add(producer.send(
                            toRecord(event, TraceContexts.of(Context.root().with(span)))));
                }
                long deadline = System.nanoTime() + config.sendTimeout().toNanos();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                published.forEach(span -> TraceContexts.failed(span, e));
                throw e;
            } finally {
                published.forEach(Span::end);
            }
            // One statement for the batch; the entities themselves are not changed (that would be one UPDATE each).
            batch.forEach(em::detach);
            em.createQuery("UPDATE OutboxEvent e SET e.publishedAt = :now WHERE e.id IN :ids")
                    .setParameter("now", Instant.now(clock))
                    .setParameter("ids", batch.stream().map(e -> e.id).toList())
                    .executeUpdate();
            return batch.size();
        });
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent event, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.aggregateId, event.payload);
        CloudEventHeaders.of(event.id.toString(), event.eventType, config.source(), event.createdAt, event.aggregateId)
                .forEach((name, value) ->
                        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        if (traceparent != null) {
            record.headers()
                    .add(new RecordHeader(TraceContexts.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    private void cleanUpIfDue() {
        Instant now = Instant.now(clock);
        if (Duration.between(lastCleanup, now).compareTo(CLEANUP_EVERY) < 0) {
            return;
        }
        lastCleanup = now;
        int deleted = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("DELETE FROM OutboxEvent e WHERE e.publishedAt < :before")
                        .setParameter("before", now.minus(config.retention()))
                        .executeUpdate());
        if (deleted > 0) {
            LOG.infof("Deleted %d published outbox events older than %s", deleted, config.retention());
        }
    }

    private Properties producerProperties() {
        Properties props = kafka.common();
        props.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                "outbox-relay-" + config.source().replace('/', '-'));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        int timeout = (int) config.sendTimeout().toMillis();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + 1_000);
        return props;
    }
}
