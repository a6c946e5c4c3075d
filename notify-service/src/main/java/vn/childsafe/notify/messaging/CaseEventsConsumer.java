package vn.childsafe.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.messaging.EventHandler;
import vn.childsafe.commons.messaging.IncomingEvent;
import vn.childsafe.notify.service.CaseAlertService;

/**
 * Consumes {@code cases.events.v1} and its urgent lane {@code cases.events.v1.urgent} (urgent first), in batches.
 * Each record is a CloudEvent in binary mode: {@code ce_id} and {@code ce_type} headers, the event JSON as value,
 * the case id as key; records of one partition are handled in order. A record that can never become alerts goes
 * to {@code notify-service.dlq} with the reason; a database or broker outage is waited out (see
 * {@link vn.childsafe.commons.messaging.EventConsumers}).
 */
@ApplicationScoped
public class CaseEventsConsumer implements EventHandler<Void> {

    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);

    @Inject
    CaseAlertService alerts;

    @Override
    public Subscription subscription() {
        return Subscription.laned(CaseAlertService.CONSUMER, EventTypes.CASES_TOPIC);
    }

    @Override
    public void handle(IncomingEvent event, Void context) {
        int created = alerts.onCaseEvent(event.eventId(), event.eventType(), event.value());
        LOG.debugf(
                "Case event %s (%s) of case %s: %d deliveries",
                event.eventId(), event.eventType(), event.key(), created);
    }
}
