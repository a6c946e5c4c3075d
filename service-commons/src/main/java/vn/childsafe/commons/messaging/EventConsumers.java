package vn.childsafe.commons.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.childsafe.commons.inbox.Inbox;

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
    DeadLetters deadLetters;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private final Map<String, LanedConsumer> consumers = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Event consumers disabled on this instance");
            return;
        }
        LanedConsumer.Batches batches = new LanedConsumer.Batches() {
            @Override
            public <C> void apply(EventHandler<C> handler, List<IncomingEvent> batch,
                    BiConsumer<IncomingEvent, RuntimeException> poison) {
                applyBatch(handler, batch, poison);
            }

            @Override
            public boolean databaseAnswers() {
                return EventConsumers.this.databaseAnswers();
            }
        };
        for (EventHandler<?> handler : handlers) {
            LanedConsumer consumer = new LanedConsumer(handler, config, kafka.common(), service, batches,
                    deadLetters);
            Thread thread = new Thread(consumer, "consumer-" + handler.consumerName());
            thread.setDaemon(true);
            consumers.put(handler.consumerName(), consumer);
            threads.put(handler.consumerName(), thread);
            thread.start();
            LOG.infof("Consuming %s%s as %s", handler.topics(), handler.laned() ? " (urgent lane first)" : "",
                    handler.consumerName());
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        consumers.values().forEach(LanedConsumer::stop);
        for (Thread thread : threads.values()) {
            thread.join(10_000);
        }
    }

    /** Holds one consumer, which keeps its place in the group; for maintenance and tests. */
    public void pause(String consumerName) {
        consumer(consumerName).pause();
    }

    /** Lets a held consumer go on. */
    public void resume(String consumerName) {
        consumer(consumerName).resume();
    }

    /**
     * The consumers and what each waits for: {@code null} while it flows, otherwise the dependency failure it is
     * waiting out; for health checks.
     */
    public Map<String, String> waiting() {
        Map<String, String> waiting = new LinkedHashMap<>();
        consumers.forEach((name, consumer) -> waiting.put(name, consumer.waitingFor()));
        return waiting;
    }

    /** Whether every consumer thread is alive. */
    public boolean alive() {
        return threads.values().stream().allMatch(Thread::isAlive);
    }

    private LanedConsumer consumer(String consumerName) {
        LanedConsumer consumer = consumers.get(consumerName);
        if (consumer == null) {
            throw new IllegalArgumentException("No consumer " + consumerName + " (have " + consumers.keySet() + ")");
        }
        return consumer;
    }

    private <C> void applyBatch(EventHandler<C> handler, List<IncomingEvent> batch,
            BiConsumer<IncomingEvent, RuntimeException> poison) {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> fresh = inbox.firstDeliveries(handler.consumerName(), batch);
            List<IncomingEvent> todo = batch.stream().filter(e -> fresh.contains(e.eventId())).toList();
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
                try {
                    handler.handle(event, context);
                } catch (UnprocessableEventException e) {
                    poison.accept(event, e);
                }
            }
            // Surfaces the batch's write errors here, with their own cause, rather than as a failed commit.
            em.flush();
        });
    }

    private boolean databaseAnswers() {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("SELECT 1").getSingleResult());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
