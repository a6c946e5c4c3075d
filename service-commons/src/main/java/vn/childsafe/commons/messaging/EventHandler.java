package vn.childsafe.commons.messaging;

import java.util.List;

/**
 * What a service does with the events of one subscription. {@link EventConsumers} runs each handler bean on a
 * consumer thread of its own: it polls a batch (urgent lane first), drops records already in the inbox, and calls
 * {@link #beforeBatch} and {@link #handle} for the rest inside one transaction, together with the inbox entries.
 * Offsets are committed after that transaction.
 */
public interface EventHandler<C> {

    /**
     * What a handler consumes.
     *
     * @param consumerName its inbox name, e.g. {@code routing-service}
     * @param topics       the topic families consumed
     * @param laned        whether each family has an urgent lane ({@code <topic>.urgent}) that is served first
     */
    record Subscription(String consumerName, List<String> topics, boolean laned) {

        /** A topic family read in both lanes, urgent first. */
        public static Subscription laned(String consumerName, String topic) {
            return new Subscription(consumerName, List.of(topic), true);
        }

        /** A single-lane topic. */
        public static Subscription single(String consumerName, String topic) {
            return new Subscription(consumerName, List.of(topic), false);
        }
    }

    /** What this handler consumes. */
    Subscription subscription();

    /**
     * Called once per batch in the batch's transaction, before {@link #handle}, with the records not yet in the
     * inbox: loads what every record of the batch needs (the active rule set, the agency register), once.
     *
     * @return the batch's context, handed to every {@link #handle} call of the batch
     */
    default C beforeBatch(List<IncomingEvent> batch) {
        return null;
    }

    /**
     * Applies one event, in the batch's transaction.
     *
     * @param context what {@link #beforeBatch} loaded for this batch
     * @throws UnprocessableEventException if this record can never be processed; the batch is then redone without
     *                                     it and it goes to the dead-letter topic
     */
    void handle(IncomingEvent event, C context);
}
