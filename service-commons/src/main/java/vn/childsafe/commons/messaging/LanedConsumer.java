package vn.childsafe.commons.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.failure.Failures;
import vn.childsafe.commons.tracing.TraceContexts;
import vn.childsafe.commons.worker.Backoff;

/**
 * One handler's consumer thread: polls batches, urgent lane first, applies each batch in one transaction (through
 * {@link Batches}) and commits offsets after it. The rules it keeps:
 * <ul>
 * <li><b>urgent first</b>: before every batch of the normal lane it takes what the urgent lane holds, so an urgent
 * record waits for at most the normal batch in progress;</li>
 * <li><b>a dependency failure is waited out</b>: the same batch is retried with exponential backoff for as long as
 * it takes, while the consumer keeps its place in the group (it polls with its partitions paused);</li>
 * <li><b>only a record that fails on its own is dead-lettered</b>: an {@link UnprocessableEventException} at once,
 * any other failure after {@code attempts-before-dead-letter} attempts of that record alone while the database
 * answers; the other records of the batch are applied without it.</li>
 * </ul>
 */
final class LanedConsumer implements Runnable {

    /** What the consumer thread needs from the CDI world. */
    interface Batches {
        /** Applies the batch in one transaction; throws what the handler or the database threw. */
        <C> void apply(
                EventHandler<C> handler, List<IncomingEvent> batch, BiConsumer<IncomingEvent, RuntimeException> poison);

        /** Whether the database answers a trivial query. */
        boolean databaseAnswers();

        /** A Kafka consumer was opened (to expose its metrics, consumer lag among them). */
        void opened(KafkaConsumer<String, String> consumer);
    }

    /** A record that failed on its own, and why. */
    private static final class PoisonRecord extends RuntimeException {
        final transient IncomingEvent event;

        PoisonRecord(IncomingEvent event, RuntimeException cause) {
            super(cause);
            this.event = event;
        }
    }

    private static final Logger LOG = Logger.getLogger(LanedConsumer.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private final EventHandler<?> handler;
    private final ConsumerConfig config;
    private final Properties common;
    private final String groupId;
    private final Batches batches;
    private final DeadLetters deadLetters;
    private final List<KafkaConsumer<String, String>> consumers = new ArrayList<>();
    private KafkaConsumer<String, String> urgent;
    private KafkaConsumer<String, String> normal;
    private volatile boolean running = true;
    private volatile boolean paused;
    private volatile boolean holding;
    /** Set after a hold, when what the client knows of the urgent lane may be stale. */
    private boolean urgentUnknown = true;

    private volatile String waitingFor;
    private int failuresInARow;

    LanedConsumer(
            EventHandler<?> handler,
            ConsumerConfig config,
            Properties common,
            String groupId,
            Batches batches,
            DeadLetters deadLetters) {
        this.handler = handler;
        this.config = config;
        this.common = common;
        this.groupId = groupId;
        this.batches = batches;
        this.deadLetters = deadLetters;
    }

    /**
     * Holds consumption (the consumer stays in its group) and returns once the batch in progress, if any, is done;
     * for maintenance and tests.
     */
    void pause() {
        paused = true;
        long until = System.currentTimeMillis() + 30_000;
        while (!holding && running && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void resume() {
        paused = false;
        holding = false;
    }

    /** What the consumer is waiting for, if a dependency failure holds it; {@code null} while it flows. */
    String waitingFor() {
        return waitingFor;
    }

    void stop() {
        running = false;
        consumers.forEach(KafkaConsumer::wakeup);
    }

    @Override
    public void run() {
        try {
            if (handler.subscription().laned()) {
                urgent = open(Lane.URGENT);
            }
            normal = open(Lane.NORMAL);
            while (running) {
                try {
                    if (paused) {
                        consumers.forEach(c -> hold(c, config.pollTimeout()));
                        holding = paused;
                        urgentUnknown = true;
                    } else {
                        pollOnce();
                    }
                } catch (WakeupException e) {
                    // stop() was called; the loop condition ends it.
                } catch (RuntimeException e) {
                    // The broker itself failing (e.g. a poll or commit error): nothing was applied, so just wait.
                    backOff(e);
                }
            }
        } finally {
            consumers.forEach(c -> c.close(Duration.ofSeconds(5)));
        }
    }

    private KafkaConsumer<String, String> open(Lane lane) {
        Properties props = new Properties();
        props.putAll(common);
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(
                org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG,
                groupId + "-" + handler.subscription().consumerName() + "-"
                        + lane.name().toLowerCase());
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        props.put(
                org.apache.kafka.clients.consumer.ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName());
        props.put(
                org.apache.kafka.clients.consumer.ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(
                handler.subscription().topics().stream().map(lane::topic).toList());
        consumers.add(consumer);
        batches.opened(consumer);
        return consumer;
    }

    private void pollOnce() {
        if (urgent != null) {
            // After a hold the urgent fetch position may have data the client has not asked for yet: wait for it once.
            ConsumerRecords<String, String> records =
                    urgent.poll(urgentUnknown || urgentBehind() ? config.urgentFetchWait() : Duration.ZERO);
            urgentUnknown = false;
            if (!records.isEmpty()) {
                process(urgent, records);
                return;
            }
        }
        ConsumerRecords<String, String> records = normal.poll(config.pollTimeout());
        if (!records.isEmpty()) {
            process(normal, records);
        }
    }

    /**
     * Whether the last fetch told the client that the urgent lane holds records it has not read. Every poll of the
     * urgent lane leaves a fetch outstanding, which the broker answers as soon as urgent records arrive, so this is
     * at most one normal batch old.
     */
    private boolean urgentBehind() {
        for (TopicPartition partition : urgent.assignment()) {
            OptionalLong lag = urgent.currentLag(partition);
            if (lag.isPresent() && lag.getAsLong() > 0) {
                return true;
            }
        }
        return false;
    }

    private void process(KafkaConsumer<String, String> consumer, ConsumerRecords<String, String> records) {
        try {
            if (applyAll(consumer, records)) {
                commit(consumer, records);
            } else {
                rewind(consumer, records);
            }
        } catch (RuntimeException e) {
            // Not applied in full (e.g. the dead-letter topic could not be written): read the batch again next time,
            // never skip it. What was applied is in the inbox and will be skipped.
            rewind(consumer, records);
            throw e;
        }
    }

    private static void rewind(KafkaConsumer<String, String> consumer, ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    /** @return whether every record was applied or dead-lettered ({@code false} if the consumer is stopping) */
    private boolean applyAll(KafkaConsumer<String, String> consumer, ConsumerRecords<String, String> records) {
        Map<IncomingEvent, ConsumerRecord<String, String>> sources = new HashMap<>();
        List<IncomingEvent> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event = new IncomingEvent(
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID),
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE),
                    record.key(),
                    record.value(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    CloudEventHeaders.read(record.headers(), TraceContexts.TRACEPARENT));
            String missing = event.eventId() == null || event.eventId().isBlank()
                    ? CloudEventHeaders.ID
                    : event.eventType() == null || event.eventType().isBlank() ? CloudEventHeaders.TYPE : null;
            if (missing != null) {
                deadLetters.send(record, "missing CloudEvents header " + missing);
                continue;
            }
            sources.put(event, record);
            batch.add(event);
        }
        return applyUntilDone(batch, sources);
    }

    /** Applies the batch, waiting out dependency failures and setting aside records that fail on their own. */
    private boolean applyUntilDone(
            List<IncomingEvent> batch, Map<IncomingEvent, ConsumerRecord<String, String>> sources) {
        List<IncomingEvent> remaining = new ArrayList<>(batch);
        while (!remaining.isEmpty() && running) {
            try {
                batches.apply(handler, remaining, (event, failure) -> {
                    throw new PoisonRecord(event, failure);
                });
                recovered();
                return true;
            } catch (PoisonRecord poison) {
                deadLetters.send(sources.get(poison.event), poison.getCause().getMessage());
                remaining.remove(poison.event);
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    waitOut(e);
                } else {
                    LOG.warnf(
                            "A batch of %d records of %s failed (%s); applying them one by one",
                            remaining.size(), handler.subscription().consumerName(), Failures.rootCause(e));
                    return oneByOne(remaining, sources);
                }
            }
        }
        return remaining.isEmpty();
    }

    private boolean oneByOne(List<IncomingEvent> batch, Map<IncomingEvent, ConsumerRecord<String, String>> sources) {
        for (IncomingEvent event : batch) {
            int attempts = 0;
            while (true) {
                if (!running) {
                    return false;
                }
                try {
                    batches.apply(handler, List.of(event), (e, failure) -> {
                        throw new PoisonRecord(e, failure);
                    });
                    recovered();
                    break;
                } catch (PoisonRecord poison) {
                    deadLetters.send(sources.get(event), poison.getCause().getMessage());
                    break;
                } catch (RuntimeException e) {
                    if (Failures.isTransient(e) || !batches.databaseAnswers()) {
                        waitOut(e);
                    } else if (++attempts >= config.attemptsBeforeDeadLetter()) {
                        // Type only: a message may quote the record's content.
                        deadLetters.send(
                                sources.get(event),
                                "Failed " + attempts + " times on its own ("
                                        + e.getClass().getName() + ")");
                        break;
                    } else {
                        waitOut(e);
                    }
                }
            }
        }
        return true;
    }

    private void commit(KafkaConsumer<String, String> consumer, ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> of = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(of.get(of.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(offsets, COMMIT_TIMEOUT);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // Applied and in the inbox: if these records come again (after a rebalance), they change nothing.
            LOG.warnf(
                    "Offsets of %s could not be committed (%s); a redelivery will be skipped by the inbox",
                    handler.subscription().consumerName(), Failures.rootCause(e));
        }
    }

    /** Waits before the next attempt while keeping the group membership of every consumer of this thread. */
    private void waitOut(RuntimeException failure) {
        failuresInARow++;
        waitingFor = Failures.rootCause(failure);
        long pause = Backoff.millis(config.initialBackoff(), config.maxBackoff(), failuresInARow);
        LOG.warnf(
                "%s could not apply a batch (%d failures in a row, next attempt in %d ms): %s",
                handler.subscription().consumerName(), failuresInARow, pause, waitingFor);
        long until = System.currentTimeMillis() + pause;
        while (running && System.currentTimeMillis() < until) {
            for (KafkaConsumer<String, String> consumer : consumers) {
                hold(consumer, Duration.ofMillis(Math.max(1, Math.min(100, until - System.currentTimeMillis()))));
            }
        }
        urgentUnknown = true;
    }

    private void backOff(RuntimeException failure) {
        try {
            waitOut(failure);
        } catch (RuntimeException e) {
            try {
                Thread.sleep(config.maxBackoff().toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void recovered() {
        if (failuresInARow > 0) {
            LOG.infof(
                    "%s applies batches again after %d failures",
                    handler.subscription().consumerName(), failuresInARow);
        }
        failuresInARow = 0;
        waitingFor = null;
    }

    /**
     * Polls without taking records, so the consumer stays in its group. A poll can still return records of a
     * partition assigned to it during this very poll; those are rewound, never skipped.
     */
    private static void hold(KafkaConsumer<String, String> consumer, Duration timeout) {
        consumer.pause(consumer.assignment());
        ConsumerRecords<String, String> unexpected = consumer.poll(timeout);
        for (TopicPartition partition : unexpected.partitions()) {
            consumer.seek(partition, unexpected.records(partition).get(0).offset());
        }
        consumer.resume(consumer.paused());
    }
}
