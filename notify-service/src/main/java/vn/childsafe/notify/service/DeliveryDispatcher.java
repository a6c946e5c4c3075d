package vn.childsafe.notify.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.commons.worker.PollingWorker;
import vn.childsafe.notify.config.DeliveryConfig;
import vn.childsafe.notify.contact.ContactPoint;
import vn.childsafe.notify.contact.ContactPointRepository;
import vn.childsafe.notify.delivery.Delivery;
import vn.childsafe.notify.delivery.DeliveryRepository;
import vn.childsafe.notify.domain.ChannelGone;
import vn.childsafe.notify.domain.DeliveryChannel;
import vn.childsafe.notify.domain.DeliveryState;
import vn.childsafe.notify.domain.RetryBackoff;
import vn.childsafe.notify.platform.Platform;
import vn.childsafe.notify.platform.PlatformRepository;

/**
 * Sends due deliveries (bộ điều phối gửi thông báo), on a thread of its own:
 * <ol>
 * <li>claim: a short transaction locks due PENDING deliveries with {@code FOR UPDATE SKIP LOCKED}, urgent lane
 * first and first attempts before retries (which may hold at most half the send slots), counts the attempt and
 * pushes {@code next_attempt_at} forward by a lease, so no other instance sends the same attempt;</li>
 * <li>send: outside any transaction, concurrently (at most {@code max-concurrent-sends} in flight), so a slow
 * unit endpoint never holds a database connection or delays the alerts of other units;</li>
 * <li>record: results are written in short batched transactions: 2xx → DELIVERED; otherwise the next attempt
 * after exponential backoff with jitter, or FAILED after {@code max-attempts}.</li>
 * </ol>
 * New deliveries {@linkplain #wakeUp() wake} it right after their transaction commits; polling every
 * {@code poll-interval} is the fallback (retries falling due, deliveries created by other instances).
 * Delivery is at least once: if an instance dies mid-attempt the delivery is sent again when the lease ends,
 * with the same {@code webhook-id} so the unit can de-duplicate.
 * <p>
 * One class on purpose: the three steps share the send slots, the retry budget and the queue of outcomes, and one
 * thread drives them in turn.
 */
@ApplicationScoped
public class DeliveryDispatcher extends PollingWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final int MAX_OUTCOMES_PER_TRANSACTION = 500;
    private static final Duration MAX_ERROR_PAUSE = Duration.ofSeconds(5);

    @Inject
    DeliveryConfig config;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    ContactPointRepository contactPoints;

    @Inject
    PlatformRepository platforms;

    @Inject
    SigningSecrets signingSecrets;

    @Inject
    WebhookSender sender;

    @Inject
    EmailSender emailSender;

    @Inject
    SmsSender smsSender;

    @Inject
    NotifyEvents notifyEvents;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    /** One timer per channel, built once. */
    private final Map<DeliveryChannel, Timer> deliveryLatency = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<AttemptOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retriesInFlight = new AtomicInteger();
    private Semaphore sendSlots;
    private RetryBackoff backoff;

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Delivery dispatcher disabled on this instance");
            return;
        }
        sendSlots = new Semaphore(config.maxConcurrentSends());
        backoff = new RetryBackoff(
                config.initialBackoff(),
                config.maxBackoff(),
                config.jitter(),
                () -> ThreadLocalRandom.current().nextDouble());
        start("delivery-dispatcher");
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stop();
    }

    @Override
    protected boolean workOnce() {
        recordOutcomes();
        return claimAndSend() > 0 || !outcomes.isEmpty();
    }

    @Override
    protected Duration pollInterval() {
        return config.pollInterval();
    }

    @Override
    protected Duration maxBackoff() {
        return MAX_ERROR_PAUSE;
    }

    /** Claims as many due deliveries as there are free send slots and starts sending them. */
    private int claimAndSend() {
        int capacity = Math.min(config.batchSize(), sendSlots.availablePermits());
        if (capacity == 0) {
            return 0;
        }
        // Half the slots at most for retries: a unit endpoint that keeps failing never blocks fresh alerts.
        int retryCapacity = Math.max(0, config.maxConcurrentSends() / 2 - retriesInFlight.get());
        List<Attempt> claimed = QuarkusTransaction.requiringNew().call(() -> claim(capacity, retryCapacity));
        for (Attempt attempt : claimed) {
            // Only this thread takes slots and it checked they were free: this never waits.
            sendSlots.acquireUninterruptibly();
            boolean retry = attempt.number() > 1;
            if (retry) {
                retriesInFlight.incrementAndGet();
            }
            send(attempt).whenComplete((outcome, error) -> {
                outcomes.add(
                        outcome != null ? outcome : AttemptOutcome.unreachable(attempt, WebhookSender.describe(error)));
                if (retry) {
                    retriesInFlight.decrementAndGet();
                }
                sendSlots.release();
                wakeUp();
            });
        }
        return claimed.size();
    }

    /** Sends over the attempt's channel; the future always completes normally, with the outcome. */
    private CompletableFuture<AttemptOutcome> send(Attempt attempt) {
        return switch (attempt.channel()) {
            case WEBHOOK, TAKEDOWN -> sender.send(attempt);
            case EMAIL -> emailSender.send(attempt);
            case SMS -> smsSender.send(attempt);
            case NONE -> CompletableFuture.completedFuture(AttemptOutcome.unreachable(attempt, "No channel"));
        };
    }

    private List<Attempt> claim(int limit, int retryLimit) {
        Instant now = clock.instant();
        List<Delivery> due = deliveries.lockDue(now, limit, retryLimit);
        if (due.isEmpty()) {
            return List.of();
        }
        Map<String, ContactPoint> points = contactPoints.byAgencyCode(due.stream()
                .filter(d -> d.channel != DeliveryChannel.TAKEDOWN)
                .map(d -> d.agencyCode)
                .toList());
        Map<String, Platform> platformsByCode = platforms.byCode(due.stream()
                .filter(d -> d.channel == DeliveryChannel.TAKEDOWN)
                .map(d -> d.agencyCode)
                .toList());
        List<Attempt> attempts = new ArrayList<>(due.size());
        for (Delivery delivery : due) {
            ContactPoint contactPoint = points.get(delivery.agencyCode);
            Platform platform = platformsByCode.get(delivery.agencyCode);
            ChannelGone gone = delivery.channel == DeliveryChannel.TAKEDOWN
                    ? (platform == null ? ChannelGone.PLATFORM_REMOVED : null)
                    : channelGone(delivery, contactPoint);
            if (gone != null) {
                // The channel was removed from the contact point after the delivery was created.
                delivery.state = DeliveryState.NO_CONTACT_POINT;
                delivery.nextAttemptAt = null;
                delivery.lastError = gone.error();
                count("no_contact_point", delivery.channel);
                LOG.warnf(
                        "Delivery %s to agency %s for case %s: %s",
                        delivery.id, delivery.agencyCode, delivery.caseId, gone.error());
                publishFailed(
                        delivery.id,
                        delivery.caseId,
                        delivery.agencyCode,
                        delivery.channel,
                        now,
                        "Không gửi được thông báo tới " + delivery.agencyCode + ": " + gone.vietnamese());
                continue;
            }
            delivery.attempts++;
            delivery.lastAttemptAt = now;
            delivery.nextAttemptAt = now.plus(config.claimLease());
            String url = null;
            List<String> secrets = List.of();
            if (delivery.channel == DeliveryChannel.WEBHOOK) {
                url = contactPoint.webhookUrl;
                secrets = signingSecrets.of(contactPoint);
            } else if (delivery.channel == DeliveryChannel.TAKEDOWN) {
                url = platform.takedownUrl;
                secrets = signingSecrets.of(platform);
            }
            attempts.add(new Attempt(
                    delivery.id,
                    delivery.attempts,
                    delivery.channel,
                    delivery.webhookId,
                    url,
                    secrets,
                    delivery.address,
                    delivery.payload,
                    delivery.agencyCode,
                    delivery.caseId,
                    delivery.createdAt,
                    delivery.traceparent));
        }
        return attempts;
    }

    /** Why a delivery's channel no longer exists on the agency's contact point; {@code null} if it still does. */
    private static ChannelGone channelGone(Delivery delivery, ContactPoint contactPoint) {
        if (contactPoint == null) {
            return ChannelGone.CONTACT_POINT_REMOVED;
        }
        return switch (delivery.channel) {
            case WEBHOOK -> contactPoint.hasWebhook() ? null : ChannelGone.WEBHOOK_REMOVED;
            case EMAIL -> contactPoint.emails.contains(delivery.address) ? null : ChannelGone.EMAIL_REMOVED;
            case SMS -> contactPoint.smsNumbers.contains(delivery.address) ? null : ChannelGone.SMS_REMOVED;
            case NONE, TAKEDOWN -> ChannelGone.NO_CHANNEL;
        };
    }

    /** DELIVERY_FAILED on notify.events.v1, in the transaction that records the failure. */
    private void publishFailed(
            UUID deliveryId, UUID caseId, String agencyCode, DeliveryChannel channel, Instant now, String summary) {
        // A takedown delivery's agency code is the platform's code.
        notifyEvents.publish(
                channel == DeliveryChannel.TAKEDOWN
                        ? NotifyEvent.takedownDeliveryFailed(caseId, now, summary, agencyCode, deliveryId)
                        : NotifyEvent.deliveryFailed(
                                caseId,
                                now,
                                summary,
                                agencyCode,
                                deliveryId,
                                channel == DeliveryChannel.NONE ? null : channel.name()));
    }

    private void recordOutcomes() {
        List<AttemptOutcome> batch = new ArrayList<>();
        AttemptOutcome next;
        while (batch.size() < MAX_OUTCOMES_PER_TRANSACTION && (next = outcomes.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                recordDelivered(batch.stream().filter(AttemptOutcome::delivered).toList());
                batch.stream().filter(outcome -> !outcome.delivered()).forEach(this::recordFailed);
            });
        } catch (RuntimeException e) {
            // Kept for the next round; if this instance dies first, the lease makes the delivery due again.
            outcomes.addAll(batch);
            throw e;
        }
    }

    /** Records 2xx answers, one statement per status code rather than one per delivery. */
    private void recordDelivered(List<AttemptOutcome> delivered) {
        Instant now = clock.instant();
        Map<Integer, List<AttemptOutcome>> byStatus = new HashMap<>();
        delivered.forEach(o -> byStatus.computeIfAbsent(o.statusCode(), code -> new ArrayList<>())
                .add(o));
        byStatus.forEach((status, group) -> {
            Set<UUID> updated = deliveries.markDelivered(
                    group.stream().map(o -> o.attempt().deliveryId()).toList(), now, status);
            for (AttemptOutcome outcome : group) {
                if (updated.contains(outcome.attempt().deliveryId())) {
                    count("delivered", outcome.attempt().channel());
                    deliveryLatency
                            .computeIfAbsent(
                                    outcome.attempt().channel(),
                                    channel -> Timer.builder("childsafe.notify.delivery.latency")
                                            .description(
                                                    "From the alert's creation (its case event consumed) to the unit's 2xx")
                                            .tag("channel", channel.name())
                                            .publishPercentileHistogram()
                                            .register(metrics))
                            .record(Duration.between(outcome.attempt().createdAt(), now));
                }
            }
        });
    }

    private void recordFailed(AttemptOutcome outcome) {
        Attempt attempt = outcome.attempt();
        Instant now = clock.instant();
        if (attempt.number() >= config.maxAttempts()) {
            if (deliveries.markAttemptFailed(
                    attempt.deliveryId(),
                    attempt.number(),
                    DeliveryState.FAILED,
                    null,
                    outcome.error(),
                    outcome.statusCode())) {
                count("failed", attempt.channel());
                publishFailed(
                        attempt.deliveryId(),
                        attempt.caseId(),
                        attempt.agencyCode(),
                        attempt.channel(),
                        now,
                        "Không gửi được thông báo (" + attempt.channel() + ") tới " + attempt.agencyCode() + " sau "
                                + attempt.number() + " lần thử: " + outcome.error());
                LOG.warnf(
                        "Delivery %s to agency %s for case %s FAILED after %d attempts: %s",
                        attempt.deliveryId(),
                        attempt.agencyCode(),
                        attempt.caseId(),
                        attempt.number(),
                        outcome.error());
            }
            return;
        }
        Duration wait = backoff.next(attempt.number());
        if (deliveries.markAttemptFailed(
                attempt.deliveryId(),
                attempt.number(),
                DeliveryState.PENDING,
                now.plus(wait),
                outcome.error(),
                outcome.statusCode())) {
            count("retry", attempt.channel());
            LOG.debugf(
                    "Delivery %s to agency %s: attempt %d failed (%s), next in %d ms",
                    attempt.deliveryId(), attempt.agencyCode(), attempt.number(), outcome.error(), wait.toMillis());
        }
    }

    private void count(String outcome, DeliveryChannel channel) {
        metrics.counter("childsafe.notify.deliveries", "outcome", outcome, "channel", channel.name())
                .increment();
    }
}
