package vn.childsafe.commons.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.childsafe.commons.events.NotifyEvent.Kind;

/** Each factory fills exactly the fields of its kind, so the JSON on notify.events.v1 keeps its shape. */
class NotifyEventTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-11-21T03:00:00Z");
    private static final String URL = "https://www.tiktok.com/@x/video/1";

    @Test
    void deliveryFailuresNameTheAgencyOrThePlatform() {
        assertThat(NotifyEvent.deliveryFailed(CASE, AT, "s", "CA-01", ID, "EMAIL"))
                .isEqualTo(deliveryFailure("CA-01", ID, "EMAIL", null));
        assertThat(NotifyEvent.takedownDeliveryFailed(CASE, AT, "s", "TIKTOK", ID))
                .isEqualTo(deliveryFailure(null, ID, "WEBHOOK", "TIKTOK"));
    }

    @Test
    void takedownStepsCarryTheRequestAndItsDeadline() {
        assertThat(NotifyEvent.takedownRequested(CASE, AT, "s", "TIKTOK", ID, URL, DEADLINE))
                .isEqualTo(aboutContent(Kind.TAKEDOWN_REQUESTED, null, "TIKTOK", ID, URL, null, DEADLINE));
        assertThat(NotifyEvent.takedownRenoticed(CASE, AT, "s", "TIKTOK", ID, URL, DEADLINE))
                .isEqualTo(aboutContent(Kind.TAKEDOWN_RENOTICED, null, "TIKTOK", ID, URL, null, DEADLINE));
        assertThat(NotifyEvent.takedownEscalated(CASE, AT, "s", "TTTT-01", "TIKTOK", ID, URL, DEADLINE))
                .isEqualTo(aboutContent(Kind.TAKEDOWN_ESCALATED, "TTTT-01", "TIKTOK", ID, URL, null, DEADLINE));
        assertThat(NotifyEvent.takedownResult(CASE, AT, "s", "TIKTOK", ID, URL, "REMOVED", DEADLINE))
                .isEqualTo(aboutContent(Kind.TAKEDOWN_RESULT, null, "TIKTOK", ID, URL, "REMOVED", DEADLINE));
        assertThat(NotifyEvent.manualTaskCreated(CASE, AT, "s", "TTTT-01", URL))
                .isEqualTo(aboutContent(Kind.MANUAL_TASK_CREATED, "TTTT-01", null, null, URL, null, null));
    }

    /** A delivery failure on {@link #CASE} at {@link #AT} with summary {@code s}. */
    private static NotifyEvent deliveryFailure(String agency, UUID deliveryId, String channel, String platform) {
        return new NotifyEvent(
                CASE, Kind.DELIVERY_FAILED, AT, "s", agency, deliveryId, channel, platform, null, null, null, null);
    }

    /** A takedown step or manual task on {@link #CASE} at {@link #AT} with summary {@code s}: no delivery fields. */
    private static NotifyEvent aboutContent(
            Kind kind, String agency, String platform, UUID requestId, String url, String result, Instant deadline) {
        return new NotifyEvent(CASE, kind, AT, "s", agency, null, null, platform, requestId, url, result, deadline);
    }

    @Test
    void theJsonHasEveryFieldOfTheSchemaAndNoOther() throws Exception {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String json = mapper.writeValueAsString(
                NotifyEvent.manualTaskCreated(CASE, AT, "s", "TTTT-01", URL).withSummary("t"));
        assertThat(mapper.readTree(json).fieldNames())
                .toIterable()
                .containsExactly(
                        "caseId",
                        "kind",
                        "occurredAt",
                        "summary",
                        "agencyCode",
                        "deliveryId",
                        "channel",
                        "platformCode",
                        "takedownRequestId",
                        "url",
                        "result",
                        "deadline");
        assertThat(mapper.readValue(json, NotifyEvent.class).summary()).isEqualTo("t");
    }
}
