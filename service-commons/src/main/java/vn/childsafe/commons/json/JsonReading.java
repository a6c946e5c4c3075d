package vn.childsafe.commons.json;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How every ChildSafe service reads JSON:
 * <ul>
 * <li>a string holding a NUL character (U+0000) is invalid: no ChildSafe value may hold one, and PostgreSQL refuses
 * NUL in text, which would otherwise surface as a 500;</li>
 * <li>while a request body is read, an invalid enum value or a NUL is recorded ({@link InvalidValues}) instead of
 * ending the read, so that {@link AllViolationsReader} names every violation of the body in one 400.</li>
 * </ul>
 * Outside a request body (Kafka records) both fail the read at once. Invalid values are never echoed back whole:
 * they may be long texts with personal data.
 */
@Singleton
public class JsonReading implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(
                new SimpleModule("childsafe-json-reading").addDeserializer(String.class, new NoNulStrings()));
        mapper.addHandler(new InvalidEnumValues());
    }

    private static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value == null || value.indexOf('\0') < 0) {
                return value;
            }
            if (InvalidValues.record(parser.getParsingContext(), "holds a NUL character")) {
                return null;
            }
            throw context.weirdStringException("(text with a NUL character)", String.class, "holds a NUL character");
        }
    }

    private static final class InvalidEnumValues extends DeserializationProblemHandler {
        @Override
        public Object handleWeirdStringValue(
                DeserializationContext context, Class<?> targetType, String value, String failure) {
            if (targetType.isEnum()
                    && InvalidValues.record(
                            context.getParser().getParsingContext(),
                            "has an invalid value '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                                    + "'; allowed: "
                                    + Arrays.stream(targetType.getEnumConstants())
                                            .map(c -> ((Enum<?>) c).name())
                                            .collect(Collectors.joining(", ")))) {
                return null;
            }
            return NOT_HANDLED;
        }
    }
}
