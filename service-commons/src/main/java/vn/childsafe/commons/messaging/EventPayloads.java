package vn.childsafe.commons.messaging;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The envelope checks every {@link EventHandler} makes on a record before it applies it: the {@code ce_type} is
 * the one expected and the value is a JSON document of the expected payload type. A record that fails them throws
 * {@link UnprocessableEventException}, whose message is the dead-letter reason: it names the payload type, the
 * position or field path of the fault and the exception type, never the content (Jackson's own messages quote the
 * input). Records without {@code ce_id} or {@code ce_type} never reach a handler ({@link LanedConsumer}).
 */
@Singleton
public class EventPayloads {

    private final ObjectMapper objectMapper;

    @Inject
    public EventPayloads(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * The payload read as {@code type}.
     *
     * @param name the payload's name in dead-letter reasons, e.g. {@code ReportReceived v1}
     * @throws UnprocessableEventException if the payload is empty, not JSON, JSON {@code null}, or does not match
     *                                     {@code type}
     */
    public <T> T read(String payload, Class<T> type, String name) {
        if (payload == null || payload.isBlank()) {
            throw new UnprocessableEventException("empty payload (expected a " + name + " JSON document)");
        }
        T value;
        try {
            value = objectMapper.readValue(payload, type);
        } catch (JsonMappingException e) {
            throw new UnprocessableEventException("payload is not a valid " + name + " JSON document ("
                    + e.getClass().getSimpleName() + " at " + fieldPath(e) + ")");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new UnprocessableEventException("payload is not a valid " + name + " JSON document ("
                    + e.getClass().getSimpleName()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ")");
        }
        if (value == null) {
            throw new UnprocessableEventException("payload is JSON null (expected a " + name + " JSON document)");
        }
        return value;
    }

    /**
     * Checks that the record's {@code ce_type} is {@code expected}.
     *
     * @throws UnprocessableEventException if it is another
     */
    public static void requireType(IncomingEvent event, String expected) {
        if (!expected.equals(event.eventType())) {
            throw typeMismatch(event.eventType(), "the expected type " + expected);
        }
    }

    /**
     * The failure of a record whose {@code ce_type} is not what {@code expected} names (e.g. the kind its payload
     * states); the type is shortened, as a header may hold anything.
     */
    public static UnprocessableEventException typeMismatch(String eventType, String expected) {
        return new UnprocessableEventException(
                "ce_type '" + DeadLetters.shorten(eventType) + "' does not match " + expected);
    }

    /** Where in the document the mapping failed, as a JSON Pointer of field names and indexes. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        return path.length() == 0 ? "/" : DeadLetters.shorten(path.toString());
    }
}
