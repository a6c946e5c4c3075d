package vn.childsafe.commons.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventPayloadsTest {

    record Sample(UUID caseId, List<Integer> counts) {}

    private final EventPayloads payloads = new EventPayloads(new ObjectMapper());

    @Test
    void aValidDocumentIsReadAsItsType() {
        UUID caseId = UUID.randomUUID();
        Sample sample = payloads.read("{\"caseId\":\"" + caseId + "\",\"counts\":[1,2]}", Sample.class, "Sample v1");
        assertThat(sample).isEqualTo(new Sample(caseId, List.of(1, 2)));
        assertThat(payloads.read("{\"a\":1}", ObjectNode.class, "tree")
                        .path("a")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void anEmptyOrNullPayloadIsUnprocessable() {
        assertThatThrownBy(() -> payloads.read(null, Sample.class, "Sample v1"))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("empty payload");
        assertThatThrownBy(() -> payloads.read("  ", Sample.class, "Sample v1"))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("empty payload");
        assertThatThrownBy(() -> payloads.read("null", Sample.class, "Sample v1"))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("JSON null");
    }

    @Test
    void theReasonSaysWhereTheDocumentIsWrongWithoutQuotingIt() {
        assertThatThrownBy(() -> payloads.read("{\"caseId\": Nguyen Van A", Sample.class, "Sample v1"))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("not a valid Sample v1 JSON document")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("Nguyen");
        assertThatThrownBy(() -> payloads.read("{\"counts\":[1,\"Hoa 0912345678\"]}", Sample.class, "Sample v1"))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("at /counts/1")
                .hasMessageNotContaining("0912345678");
        assertThatThrownBy(() -> payloads.read("[1]", ObjectNode.class, "tree"))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("not a valid tree JSON");
    }

    @Test
    void aForeignTypeIsUnprocessableAndShortenedInTheReason() {
        IncomingEvent event = new IncomingEvent("id", "x".repeat(500), "key", "{}", "topic", 0, 1, null);
        assertThatThrownBy(() -> EventPayloads.requireType(event, "vn.childsafe.report.received.v1"))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("expected type vn.childsafe.report.received.v1")
                .hasMessageNotContaining("x".repeat(101));
        IncomingEvent expected =
                new IncomingEvent("id", "vn.childsafe.report.received.v1", "key", "{}", "topic", 0, 1, null);
        assertThatCode(() -> EventPayloads.requireType(expected, "vn.childsafe.report.received.v1"))
                .doesNotThrowAnyException();
    }
}
