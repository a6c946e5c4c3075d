package vn.childsafe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates event payloads against the JSON Schemas in {@code docs/events/}, the contract between the services.
 * Tests of every producer and consumer call it, so a change to an event that breaks the schema fails the build.
 */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventSchemas() {}

    /**
     * The violations of {@code json} against {@code docs/events/<schemaFile>}; empty when valid.
     */
    public static List<String> violations(String schemaFile, String json) {
        try {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(eventsDir().resolve(schemaFile)));
            JsonNode node = MAPPER.readTree(json);
            Set<ValidationMessage> messages = schema.validate(node);
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code docs/events} of the checkout the tests run in, found from the working directory upwards. */
    public static Path eventsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs/events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "docs/events not found above " + Path.of("").toAbsolutePath());
    }
}
