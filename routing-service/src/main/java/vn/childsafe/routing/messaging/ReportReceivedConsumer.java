package vn.childsafe.routing.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.routing.service.CaseRoutingService;
import vn.childsafe.routing.service.RoutingResult;

/**
 * Consumes {@code reports.received.v1} (channel {@code reports}) and hands each accepted report to
 * {@link CaseRoutingService}.
 *
 * <p>Failure handling: a record that can never be routed (no {@code ce_id}, wrong {@code ce_type}, payload that
 * is not a ReportReceived) throws {@link MalformedEventException} at once; anything that still fails after the
 * service's retries is thrown too. Either way the record is nacked and the channel's {@code dead-letter-queue}
 * failure strategy moves it to {@code reports.received.v1.dlq} with the reason, so the partition keeps flowing.
 * Processing is blocking and ordered, which keeps per-report order within a partition.
 */
@ApplicationScoped
public class ReportReceivedConsumer {

    private static final Logger LOG = Logger.getLogger(ReportReceivedConsumer.class);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CaseRoutingService routing;

    @Incoming("reports")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String eventId = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        String eventType = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        try {
            if (eventId == null || eventId.isBlank()) {
                throw new MalformedEventException("missing CloudEvents header " + CloudEventHeaders.ID);
            }
            if (!EventTypes.REPORT_RECEIVED.equals(eventType)) {
                throw new MalformedEventException("unexpected " + CloudEventHeaders.TYPE + " '"
                        + PoisonRecords.shorten(eventType)
                        + "', expected " + EventTypes.REPORT_RECEIVED);
            }
            ReportReceived report = parse(record.value());
            RoutingResult result = routing.route(eventId, eventType, report);
            LOG.debugf("Event %s (partition %d, offset %d): %s", eventId, record.partition(), record.offset(),
                    result.outcome());
        } catch (MalformedEventException e) {
            PoisonRecords.logDeadLetter(record, eventId, e);
            throw e;
        }
    }

    /** The payload as a ReportReceived, or a {@link MalformedEventException} saying what is wrong with it. */
    ReportReceived parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new MalformedEventException("empty payload");
        }
        ReportReceived report;
        try {
            report = objectMapper.readValue(payload, ReportReceived.class);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new MalformedEventException("payload is not a valid ReportReceived v1 JSON document ("
                    + e.getClass().getSimpleName()
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + ")");
        }
        if (report == null) {
            throw new MalformedEventException("payload is JSON null");
        }
        List<String> missing = new ArrayList<>();
        if (report.reportId() == null) {
            missing.add("reportId");
        }
        if (report.receivedAt() == null) {
            missing.add("receivedAt");
        }
        if (report.category() == null) {
            missing.add("category");
        }
        if (report.urgency() == null) {
            missing.add("urgency");
        }
        if (!missing.isEmpty()) {
            throw new MalformedEventException("payload lacks required field(s) " + String.join(", ", missing));
        }
        return report;
    }
}
