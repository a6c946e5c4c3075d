package vn.childsafe.commons.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses a JSON string holding a NUL character (U+0000) wherever a request body is read: no ChildSafe value
 * may hold one, and PostgreSQL refuses NUL in text, which would otherwise surface as a 500. The refusal is an
 * {@code InvalidFormatException}, answered 400 with the field's JSON Pointer like any other invalid value.
 */
@Singleton
public class NoNulStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("childsafe-no-nul-strings")
                .addDeserializer(String.class, new Deserializer()));
    }

    private static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                // The value itself is not echoed back: it may be a long text with personal data.
                throw context.weirdStringException("(text with a NUL character)", String.class,
                        "holds a NUL character");
            }
            return value;
        }
    }
}
