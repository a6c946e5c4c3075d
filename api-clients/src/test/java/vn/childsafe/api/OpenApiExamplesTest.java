package vn.childsafe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every example in the committed OpenAPI documents is valid against the schema it illustrates, formats included:
 * generated clients and validators that check examples would otherwise reject them. OpenAPI 3.1 schemas are JSON
 * Schema 2020-12, so a JSON Schema validator checks them as a client would. Covered: media type and parameter
 * examples ({@code example}, {@code examples.*.value}) and schema examples ({@code examples}, {@code example}).
 */
class OpenApiExamplesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static final List<String> SUBSCHEMA = List.of(
            "items",
            "not",
            "if",
            "then",
            "else",
            "contains",
            "additionalProperties",
            "propertyNames",
            "unevaluatedItems",
            "unevaluatedProperties");
    private static final List<String> SUBSCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final List<String> SUBSCHEMA_MAPS =
            List.of("properties", "patternProperties", "$defs", "dependentSchemas");

    @ParameterizedTest
    @FieldSource("vn.childsafe.api.OpenApiDocuments#SERVICES")
    void everyExampleIsValidAgainstItsSchema(String service) throws IOException {
        JsonNode document = YAML.readTree(OpenApiDocuments.committed(service).toFile());
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        walk(document, document, "", problems, checked);
        assertThat(checked[0]).as("examples found in %s", service).isPositive();
        assertThat(problems)
                .as("examples in docs/openapi/%s.yaml that do not fit their schema", service)
                .isEmpty();
    }

    /** Walks the document outside schemas: media types and parameters carry examples next to their schema. */
    private void walk(JsonNode document, JsonNode node, String pointer, List<String> problems, int[] checked) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(document, node.get(i), pointer + "/" + i, problems, checked);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.path("schema").isObject()) {
            if (node.has("example")) {
                check(document, pointer + "/schema", node.get("example"), pointer + "/example", problems, checked);
            }
            for (Map.Entry<String, JsonNode> example : node.path("examples").properties()) {
                if (example.getValue().has("value")) {
                    check(
                            document,
                            pointer + "/schema",
                            example.getValue().get("value"),
                            pointer + "/examples/" + escape(example.getKey()) + "/value",
                            problems,
                            checked);
                }
            }
        }
        for (Map.Entry<String, JsonNode> child : node.properties()) {
            String path = pointer + "/" + escape(child.getKey());
            if ("schema".equals(child.getKey())) {
                walkSchema(document, child.getValue(), path, problems, checked);
            } else if ("/components/schemas".equals(path)) {
                child.getValue()
                        .properties()
                        .forEach(schema -> walkSchema(
                                document, schema.getValue(), path + "/" + escape(schema.getKey()), problems, checked));
            } else if (!"examples".equals(child.getKey()) && !"example".equals(child.getKey())) {
                walk(document, child.getValue(), path, problems, checked);
            }
        }
    }

    /** Walks one schema and the schemas inside it, checking their own examples. */
    private void walkSchema(JsonNode document, JsonNode schema, String pointer, List<String> problems, int[] checked) {
        if (!schema.isObject()) {
            return;
        }
        for (int i = 0; i < schema.path("examples").size(); i++) {
            check(document, pointer, schema.get("examples").get(i), pointer + "/examples/" + i, problems, checked);
        }
        if (schema.has("example")) {
            check(document, pointer, schema.get("example"), pointer + "/example", problems, checked);
        }
        for (String keyword : SUBSCHEMA) {
            walkSchema(document, schema.path(keyword), pointer + "/" + keyword, problems, checked);
        }
        for (String keyword : SUBSCHEMA_LISTS) {
            for (int i = 0; i < schema.path(keyword).size(); i++) {
                walkSchema(document, schema.get(keyword).get(i), pointer + "/" + keyword + "/" + i, problems, checked);
            }
        }
        for (String keyword : SUBSCHEMA_MAPS) {
            schema.path(keyword)
                    .properties()
                    .forEach(named -> walkSchema(
                            document,
                            named.getValue(),
                            pointer + "/" + keyword + "/" + escape(named.getKey()),
                            problems,
                            checked));
        }
    }

    /** Validates one example against the schema at {@code schemaPointer}, resolving its references in the document. */
    private void check(
            JsonNode document,
            String schemaPointer,
            JsonNode example,
            String examplePointer,
            List<String> problems,
            int[] checked) {
        ObjectNode root = YAML.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#" + schemaPointer);
        root.set("components", document.path("components"));
        root.set("paths", document.path("paths"));
        JsonSchema schema = SCHEMAS.getSchema(root, CONFIG);
        checked[0]++;
        for (ValidationMessage message : schema.validate(example)) {
            problems.add(examplePointer + ": " + message.getMessage());
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
