package vn.childsafe.commons.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.childsafe.commons.inbox.Inbox;
import vn.childsafe.commons.tracing.Spans;
import vn.childsafe.commons.tracing.TraceContexts;

/**
 * Starts a {@link LanedConsumer} thread for every {@link EventHandler} bean of the service, all in the consumer
 * group named after the service, and applies their batches: one transaction per batch holding the inbox entries
 * (so a redelivered record changes nothing) and every record's effect.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    @Inject
    Instance<EventHandler<?>> handlers;

    @Inject
    ConsumerConfig config;

    @Inject
    KafkaSettings kafka;

    @Inject
    MeterRegistry meters;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Inject
    Spans spans;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private final Map<String, List<LanedConsumer>> consumers = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Event consumers disabled on this instance");
            return;
        }
        LanedConsumer.Batches batches = new LanedConsumer.Batches() {
            @Override
            public <C> void apply(
                    EventHandler<C> handler,
                    List<IncomingEvent> batch,
                    BiConsumer<IncomingEvent, RuntimeException> poison) {
                applyBatch(handler, batch, poison);
            }

            @Override
            public boolean databaseAnswers() {
                return EventConsumers.this.databaseAnswers();
            }

            @Override
            public void opened(KafkaConsumer<String, String> consumer) {
                // kafka_consumer_fetch_manager_records_lag_max and friends, per client, topic and partition.
                new KafkaClientMetrics(consumer).bindTo(meters);
            }
        };
        for (EventHandler<?> handler : handlers) {
            for (int i = 1; i <= config.threads(); i++) {
                LanedConsumer consumer =
                        new LanedConsumer(handler, config, kafka.common(), service, batches, deadLetters);
                Thread thread = new Thread(
                        consumer, "consumer-" + handler.subscription().consumerName() + "-" + i);
                thread.setDaemon(true);
                consumers
                        .computeIfAbsent(handler.subscription().consumerName(), name -> new ArrayList<>())
                        .add(consumer);
                threads.add(thread);
                thread.start();
            }
            LOG.infof(
                    "Consuming %s%s as %s on %d thread(s)",
                    handler.subscription().topics(),
                    handler.subscription().laned() ? " (urgent lane first)" : "",
                    handler.subscription().consumerName(),
                    config.threads());
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        consumers.values().forEach(list -> list.forEach(LanedConsumer::stop));
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    /**
     * Holds one handler's consumers, which keep their place in the group, and returns once their batches in
     * progress are done; for maintenance and tests.
     */
    public void pause(String consumerName) {
        consumers(consumerName).forEach(LanedConsumer::pause);
    }

    /** Lets a held handler's consumers go on. */
    public void resume(String consumerName) {
        consumers(consumerName).forEach(LanedConsumer::resume);
    }

    /**
     * The handlers and what their consumers wait for: {@code null} while they flow, otherwise a dependency failure
     * one of them is waiting out; for health checks.
     */
    public Map<String, String> waiting() {
        Map<String, String> waiting = new LinkedHashMap<>();
        consumers.forEach((name, list) -> waiting.put(
                name,
                list.stream()
                        .map(LanedConsumer::waitingFor)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null)));
        return waiting;
    }

    /** Whether every consumer thread is alive. */
    public boolean alive() {
        return threads.stream().allMatch(Thread::isAlive);
    }

    private List<LanedConsumer> consumers(String consumerName) {
        List<LanedConsumer> list = consumers.get(consumerName);
        if (list == null) {
            throw new IllegalArgumentException("No consumer " + consumerName + " (have " + consumers.keySet() + ")");
        }
        return list;
    }

    private <C> void applyBatch(
            EventHandler<C> handler, List<IncomingEvent> batch, BiConsumer<IncomingEvent, RuntimeException> poison) {
        inbox.purgeIfDue();
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> fresh = inbox.firstDeliveries(handler.subscription().consumerName(), batch);
            List<IncomingEvent> todo =
                    batch.stream().filter(e -> fresh.contains(e.eventId())).toList();
            if (todo.isEmpty()) {
                return;
            }
            C context;
            try {
                context = handler.beforeBatch(todo);
            } catch (UnprocessableEventException e) {
                if (todo.size() > 1) {
                    throw e;
                }
                // Which record is to blame is known only for a batch of one: a larger batch is redone one by one.
                poison.accept(todo.get(0), e);
                return;
            }
            for (IncomingEvent event : todo) {
                // A span per record, not per batch: the records of a batch belong to different reports' traces,
                // and whatever the handler writes to the outbox must continue this record's trace.
                Span span = spans.start(event.topic() + " process", SpanKind.CONSUMER, event.traceparent());
                try (Scope scope = span.makeCurrent()) {
                    try {
                        handler.handle(event, context);
                    } catch (UnprocessableEventException e) {
                        TraceContexts.failed(span, e);
                        poison.accept(event, e);
                    }
                    // Each event's writes go out now, with their own cause if they fail, and leave the persistence
                    // context: otherwise every query of a later event would dirty-check the whole batch again.
                    em.flush();
                    em.clear();
                } catch (RuntimeException e) {
                    TraceContexts.failed(span, e);
                    throw e;
                } finally {
                    span.end();
                }
            }
        });
    }

    private boolean databaseAnswers() {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("SELECT 1").getSingleResult());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
