package vn.childsafe.notify.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.commons.outbox.Outbox;

/**
 * Publishes what notify did on {@code notify.events.v1} (key: case id) through the outbox, in the caller's
 * transaction: the event exists if and only if the state change it reports was committed.
 */
@ApplicationScoped
public class NotifyEvents {

    /** Aggregate type of notify events in the outbox: they belong to a case's timeline. */
    static final String AGGREGATE = "case";

    private static final int MAX_SUMMARY = 2000;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(NotifyEvent event) {
        NotifyEvent bounded = event.summary().length() <= MAX_SUMMARY
                ? event
                : event.withSummary(event.summary().substring(0, MAX_SUMMARY));
        outbox.append(
                EventTypes.NOTIFY_TOPIC,
                AGGREGATE,
                event.caseId().toString(),
                event.kind().eventType(),
                bounded);
    }
}
