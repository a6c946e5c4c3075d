package vn.childsafe.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.notify.contact.ContactPoint;
import vn.childsafe.notify.contact.ContactPointRepository;
import vn.childsafe.notify.delivery.Delivery;
import vn.childsafe.notify.delivery.DeliveryRepository;
import vn.childsafe.notify.domain.DeliveryChannel;
import vn.childsafe.notify.domain.DeliveryState;

/** What ops do with deliveries: look at them, and send a failed or undeliverable one again. */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    @Inject
    DeliveryRepository deliveries;

    @Inject
    ContactPointRepository contactPoints;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    Clock clock;

    /** Deliveries, newest first. */
    @Transactional
    public List<Delivery> list(UUID caseId, DeliveryState state, int limit) {
        return deliveries.list(caseId, state, limit);
    }

    private Delivery copyFor(Delivery original, AlertDeliveries.ChannelAddress channel) {
        Delivery copy = new Delivery();
        copy.id = UUID.randomUUID();
        copy.eventId = original.eventId;
        copy.caseId = original.caseId;
        copy.agencyCode = original.agencyCode;
        copy.role = original.role;
        copy.priority = original.priority;
        copy.channel = channel.channel();
        copy.address = channel.address();
        copy.webhookId = Delivery.webhookIdFor(copy.id);
        copy.payload = original.payload;
        // A re-sent alert is still about the same report: it stays in that report's trace.
        copy.traceparent = original.traceparent;
        copy.state = DeliveryState.PENDING;
        copy.nextAttemptAt = clock.instant();
        copy.createdAt = clock.instant();
        return copy;
    }

    /**
     * Makes a delivery due again now, with a fresh series of attempts:
     * <ul>
     * <li>FAILED → PENDING;</li>
     * <li>NO_CONTACT_POINT → PENDING by webhook, once the agency's contact point has a webhook URL;</li>
     * <li>DELIVERED or already PENDING → 409, nothing changes (no duplicate alert, no attempt in flight
     * doubled).</li>
     * </ul>
     *
     * @throws ProblemException 404 unknown delivery, 409 as above
     */
    public Delivery retry(UUID id) {
        Delivery delivery = QuarkusTransaction.requiringNew().call(() -> {
            Delivery d = deliveries
                    .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("No delivery " + id + "."));
            switch (d.state) {
                case DELIVERED ->
                    throw ProblemException.conflict(
                            "The delivery was already delivered at " + d.deliveredAt + "; it is not sent twice.");
                case PENDING ->
                    throw ProblemException.conflict("The delivery is already pending; its next " + "attempt is due at "
                            + d.nextAttemptAt + ".");
                case NO_CONTACT_POINT -> {
                    ContactPoint contactPoint = contactPoints.findById(d.agencyCode);
                    if (contactPoint == null || !contactPoint.hasAnyChannel()) {
                        throw ProblemException.conflict("Agency " + d.agencyCode + " still has no contact point "
                                + "with a webhook URL, e-mail address or SMS number; register it with PUT "
                                + "/api/v1/contact-points/" + d.agencyCode + " first.");
                    }
                    if (d.channel == DeliveryChannel.NONE) {
                        // The alert never went anywhere: it now goes to every channel the agency has, each a
                        // delivery of its own (this one takes the first).
                        List<AlertDeliveries.ChannelAddress> channels = AlertDeliveries.channelsOf(contactPoint);
                        d.channel = channels.get(0).channel();
                        d.address = channels.get(0).address();
                        for (AlertDeliveries.ChannelAddress more : channels.subList(1, channels.size())) {
                            deliveries.persist(copyFor(d, more));
                        }
                    }
                }
                case FAILED -> {
                    // Nothing else to check: the contact point is read again at the next attempt.
                }
            }
            Instant now = clock.instant();
            d.state = DeliveryState.PENDING;
            d.attempts = 0;
            d.nextAttemptAt = now;
            return d;
        });
        LOG.infof(
                "Delivery %s to agency %s for case %s set to PENDING by ops",
                delivery.id, delivery.agencyCode, delivery.caseId);
        dispatcher.wakeUp();
        return delivery;
    }
}
