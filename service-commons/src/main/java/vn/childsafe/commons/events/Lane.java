package vn.childsafe.commons.events;

import vn.childsafe.commons.domain.Urgency;

/**
 * The two lanes (luồng ưu tiên) that reports and case events travel in. IMMEDIATE_DANGER and HIGH work goes in
 * the urgent lane, everything else in the normal one; every queue (outbox relay, Kafka topic, consumer, delivery
 * dispatcher) serves the urgent lane first, so a bulk batch of normal reports never delays a child-in-danger alert.
 * See docs/architecture.md, "Urgent first".
 */
public enum Lane {
    URGENT,
    NORMAL;

    /** Suffix of the urgent lane's topic: {@code reports.received.v1} → {@code reports.received.v1.urgent}. */
    public static final String URGENT_SUFFIX = ".urgent";

    /** The lane of work of this urgency; no urgency (an incomplete event) travels in the normal lane. */
    public static Lane of(Urgency urgency) {
        return urgency == Urgency.IMMEDIATE_DANGER || urgency == Urgency.HIGH ? URGENT : NORMAL;
    }

    /** This lane's topic of a laned topic family, e.g. {@code cases.events.v1} or {@code cases.events.v1.urgent}. */
    public String topic(String baseTopic) {
        return this == URGENT ? baseTopic + URGENT_SUFFIX : baseTopic;
    }

    /** Sort key in queues: lower is served first. */
    public short priority() {
        return (short) ordinal();
    }
}
