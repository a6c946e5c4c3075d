package vn.childsafe.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.commons.tracing.TraceContexts;
import vn.childsafe.notify.contact.ContactPoint;
import vn.childsafe.notify.delivery.Delivery;
import vn.childsafe.notify.delivery.DeliveryRepository;
import vn.childsafe.notify.domain.DeliveryChannel;
import vn.childsafe.notify.domain.DeliveryState;
import vn.childsafe.notify.domain.TargetRole;

/**
 * Creates the deliveries of one alert to one agency, in the caller's transaction: one per channel of its contact
 * point (the webhook, each e-mail address, each SMS number). An agency without any channel gets one
 * NO_CONTACT_POINT delivery and a DELIVERY_FAILED event on the case timeline: an alert is never silently dropped.
 */
@ApplicationScoped
public class AlertDeliveries {

    private static final Logger LOG = Logger.getLogger(AlertDeliveries.class);

    @Inject
    DeliveryRepository deliveries;

    @Inject
    NotifyEvents notifyEvents;

    @Inject
    Clock clock;

    /** One channel of a contact point: the webhook, an e-mail address or an SMS number. */
    public record ChannelAddress(DeliveryChannel channel, String address) {}

    /** Every channel of a contact point, webhook first: each becomes a delivery of its own. */
    public static List<ChannelAddress> channelsOf(ContactPoint contactPoint) {
        List<ChannelAddress> channels = new ArrayList<>();
        if (contactPoint.hasWebhook()) {
            channels.add(new ChannelAddress(DeliveryChannel.WEBHOOK, ""));
        }
        new LinkedHashSet<>(contactPoint.emails)
                .forEach(e -> channels.add(new ChannelAddress(DeliveryChannel.EMAIL, e)));
        new LinkedHashSet<>(contactPoint.smsNumbers)
                .forEach(n -> channels.add(new ChannelAddress(DeliveryChannel.SMS, n)));
        return channels;
    }

    /**
     * Creates the deliveries of {@code payload} to {@code agencyCode}.
     *
     * @param lane         the case's lane: urgent deliveries are sent first
     * @param contactPoint the agency's contact point, {@code null} if it has none
     * @return how many deliveries were created
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int create(
            Lane lane,
            String eventId,
            UUID caseId,
            String agencyCode,
            TargetRole role,
            String payload,
            ContactPoint contactPoint) {
        Instant now = clock.instant();
        if (contactPoint == null || !contactPoint.hasAnyChannel()) {
            Delivery delivery = newDelivery(lane, eventId, caseId, agencyCode, role, payload, now);
            delivery.channel = DeliveryChannel.NONE;
            delivery.state = DeliveryState.NO_CONTACT_POINT;
            delivery.lastError = contactPoint == null
                    ? "The agency has no contact point."
                    : "The agency's contact point has no webhook URL, e-mail address or SMS number.";
            String reason = contactPoint == null
                    ? "đơn vị chưa đăng ký đầu mối liên lạc"
                    : "đầu mối liên lạc của đơn vị không có địa chỉ webhook, e-mail hay số SMS";
            LOG.warnf(
                    "No usable contact point for agency %s: its %s alert for case %s is NO_CONTACT_POINT",
                    agencyCode, role, caseId);
            deliveries.persist(delivery);
            notifyEvents.publish(NotifyEvent.deliveryFailed(
                    caseId,
                    now,
                    "Không có đầu mối liên lạc để thông báo cho " + agencyCode + " (" + role + "): " + reason,
                    agencyCode,
                    delivery.id,
                    null));
            return 1;
        }
        int created = 0;
        for (ChannelAddress channel : channelsOf(contactPoint)) {
            Delivery delivery = newDelivery(lane, eventId, caseId, agencyCode, role, payload, now);
            delivery.channel = channel.channel();
            delivery.address = channel.address();
            delivery.state = DeliveryState.PENDING;
            delivery.nextAttemptAt = now;
            deliveries.persist(delivery);
            created++;
        }
        return created;
    }

    /**
     * A new delivery with its id, webhook-id, payload and lane (the dispatcher sends the urgent lane first);
     * channel and state are the caller's.
     */
    public static Delivery newDelivery(
            Lane lane, String eventId, UUID caseId, String agencyCode, TargetRole role, String payload, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.priority = lane.priority();
        delivery.eventId = eventId;
        delivery.caseId = caseId;
        delivery.agencyCode = agencyCode;
        delivery.role = role;
        delivery.webhookId = Delivery.webhookIdFor(delivery.id);
        delivery.payload = payload;
        delivery.createdAt = now;
        delivery.traceparent = TraceContexts.current();
        return delivery;
    }
}
