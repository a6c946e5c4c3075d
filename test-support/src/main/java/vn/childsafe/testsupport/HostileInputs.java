package vn.childsafe.testsupport;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A schema-driven hostile client: walks every operation of a service's OpenAPI document and sends it wrong types,
 * missing and unknown fields, huge and empty strings, NUL characters and invalid UTF-8, deep nesting, huge numbers
 * and pages, with every role's token and with none. Every answer must be below 500, and every 4xx must be
 * {@code application/problem+json}. Bodies of writes are always invalid (a NUL, a wrong type, broken JSON ...), so
 * that the run changes no data other tests rely on.
 */
public final class HostileInputs {

    /** An answer that breaks the contract. */
    public record Violation(String method, String target, String client, int status, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target) + " as " + client
                    + " -> " + status + " " + contentType + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** What a run did. */
    public record Result(int requests, int operations, List<Violation> violations) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] METHODS = {"get", "post", "put", "patch", "delete"};
    private static final String HUGE = "x".repeat(100_000);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private final Map<String, String> tokens;
    private final Random random;
    private JsonNode document;

    private HostileInputs(URI base, Map<String, String> tokens, long seed) {
        this.base = base;
        this.tokens = tokens;
        this.random = new Random(seed);
    }

    /**
     * Sends at least {@code requests} hostile requests to the service at {@code base}.
     *
     * @param tokens bearer tokens by client name; a {@code null} token sends none
     */
    public static Result run(URI base, Map<String, String> tokens, int requests, long seed) throws Exception {
        return new HostileInputs(base, tokens, seed).run(requests);
    }

    private Result run(int requests) throws Exception {
        document = JSON.readTree(http.send(
                        build("GET", "/q/openapi?format=json", null, null, null), HttpResponse.BodyHandlers.ofString())
                .body());
        List<Operation> operations = operations();
        if (operations.isEmpty()) {
            throw new AssertionError("The OpenAPI document at /q/openapi lists no operation");
        }
        List<Violation> violations = new ArrayList<>();
        int sent = 0;
        List<String> clients = new ArrayList<>(tokens.keySet());
        for (int round = 0; sent < requests; round++) {
            for (Operation operation : operations) {
                for (Mutation mutation : Mutation.values()) {
                    if (!mutation.appliesTo(operation)) {
                        continue;
                    }
                    String client = clients.get((round + mutation.ordinal() + sent) % clients.size());
                    HttpRequest request = request(operation, mutation, tokens.get(client));
                    HttpResponse<String> response;
                    try {
                        response = sendOnce(request);
                    } catch (IOException e) {
                        // The connection closed without an answer: the client cannot tell what happened.
                        violations.add(new Violation(
                                request.method(),
                                request.uri().toString(),
                                client,
                                -1,
                                "",
                                mutation + ": " + e.getMessage()));
                        sent++;
                        continue;
                    }
                    sent++;
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (response.statusCode() >= 500
                            || (response.statusCode() >= 400 && !type.startsWith("application/problem+json"))) {
                        violations.add(new Violation(
                                request.method(),
                                request.uri().toString(),
                                client,
                                response.statusCode(),
                                type,
                                response.body()));
                    }
                }
            }
        }
        return new Result(sent, operations.size(), violations);
    }

    /**
     * Sends a request; once more on a fresh connection if the one it went out on had been closed by the server after
     * its previous answer (a race of keep-alive, not an answer to this request).
     */
    private HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** One operation of the document: method, path template, parameters and body schema. */
    private record Operation(
            String method,
            String path,
            List<JsonNode> pathParameters,
            List<JsonNode> queryParameters,
            String bodyType,
            JsonNode bodySchema) {
        boolean write() {
            return !method.equals("GET");
        }
    }

    /** The ways a request is made hostile. */
    private enum Mutation {
        NO_CHANGE,
        PATH_NUL,
        PATH_BAD_UTF8,
        PATH_LONG,
        QUERY_HUGE_NUMBER,
        QUERY_NEGATIVE,
        QUERY_NUL,
        QUERY_WRONG_TYPE,
        QUERY_LONG,
        BODY_WRONG_TYPE,
        BODY_MISSING_FIELDS,
        BODY_NUL,
        BODY_HUGE_STRING,
        BODY_EMPTY_STRINGS,
        BODY_UNKNOWN_FIELD,
        BODY_HUGE_NUMBER,
        BODY_DEEP_NESTING,
        BODY_INVALID_UTF8,
        BODY_NOT_JSON,
        BODY_EMPTY,
        BODY_ARRAY;

        boolean appliesTo(Operation operation) {
            String name = name();
            if (name.startsWith("PATH_")) {
                return !operation.pathParameters().isEmpty();
            }
            if (name.startsWith("QUERY_")) {
                return !operation.queryParameters().isEmpty();
            }
            if (name.startsWith("BODY_")) {
                return operation.bodyType() != null;
            }
            // Unchanged requests only where they cannot change data.
            return !operation.write();
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<JsonNode> pathParameters = new ArrayList<>();
                List<JsonNode> queryParameters = new ArrayList<>();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                op.path("parameters").forEach(parameters::add);
                for (JsonNode parameter : parameters) {
                    JsonNode p = resolve(parameter);
                    if ("path".equals(p.path("in").asText())) {
                        pathParameters.add(p);
                    } else if ("query".equals(p.path("in").asText())) {
                        queryParameters.add(p);
                    }
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> content =
                        resolve(op.path("requestBody")).path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    bodyType = first.getKey();
                    bodySchema = resolve(first.getValue().path("schema"));
                }
                operations.add(new Operation(
                        method.toUpperCase(), path.getKey(), pathParameters, queryParameters, bodyType, bodySchema));
            }
        }
        return operations;
    }

    private HttpRequest request(Operation operation, Mutation mutation, String token) {
        String path = operation.path();
        for (JsonNode parameter : operation.pathParameters()) {
            String value = switch (mutation) {
                case PATH_NUL -> "a%00b";
                case PATH_BAD_UTF8 -> "%C3%28";
                // Within the HTTP layer's 4,096-byte request line: longer ones are refused (414) before the
                // application sees them.
                case PATH_LONG -> "y".repeat(3_000 / operation.pathParameters().size());
                default -> sample(parameter.path("schema"), true);
            };
            path = path.replace("{" + parameter.path("name").asText() + "}", value);
        }
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.queryParameters()) {
            String value = switch (mutation) {
                case QUERY_HUGE_NUMBER -> "99999999999999999999999";
                case QUERY_NEGATIVE -> "-2147483648";
                case QUERY_NUL -> "x%00y";
                case QUERY_WRONG_TYPE -> "%7B%22not%22%3A1%7D";
                case QUERY_LONG ->
                    "q".repeat(3_000 / operation.queryParameters().size());
                default -> null;
            };
            if (value != null) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(parameter.path("name").asText())
                        .append('=')
                        .append(value);
            }
        }
        byte[] body = null;
        if (operation.bodyType() != null) {
            body = body(operation, mutation);
        }
        return build(operation.method(), path + query, operation.bodyType(), body, token);
    }

    private byte[] body(Operation operation, Mutation mutation) {
        if (!operation.bodyType().contains("json")) {
            // text/csv and the like: hostile text, never valid.
            String text = switch (mutation) {
                case BODY_NUL -> "a,b\n\0,\0\n";
                case BODY_HUGE_STRING -> "h," + HUGE + "\n";
                case BODY_INVALID_UTF8 -> null;
                default -> "not,a,known\nheader\0\n";
            };
            return text == null ? new byte[] {(byte) 0xC3, (byte) 0x28, '\n'} : text.getBytes(StandardCharsets.UTF_8);
        }
        JsonNode skeleton = skeleton(operation.bodySchema(), 0);
        switch (mutation) {
            case BODY_INVALID_UTF8 -> {
                return new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            }
            case BODY_NOT_JSON -> {
                return "{\"unterminated\": ".getBytes(StandardCharsets.UTF_8);
            }
            case BODY_EMPTY -> {
                return new byte[0];
            }
            case BODY_DEEP_NESTING -> {
                return ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            }
            case BODY_ARRAY -> {
                return "[1, \"two\", null]".getBytes(StandardCharsets.UTF_8);
            }
            default -> {}
        }
        if (skeleton instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            String field = fields.isEmpty() ? "x" : fields.get(random.nextInt(fields.size()));
            switch (mutation) {
                case BODY_WRONG_TYPE ->
                    object.set(
                            field,
                            object.get(field) != null && object.get(field).isTextual()
                                    ? NODES.objectNode().put("nested", true)
                                    : NODES.textNode("not-a-" + field));
                case BODY_MISSING_FIELDS -> object.removeAll();
                case BODY_HUGE_STRING -> object.put(field, HUGE);
                case BODY_EMPTY_STRINGS ->
                    fields.forEach(f -> {
                        if (object.get(f).isTextual()) {
                            object.put(f, "");
                        }
                    });
                case BODY_UNKNOWN_FIELD -> object.put("unknownField" + random.nextInt(100), "surprise");
                case BODY_HUGE_NUMBER -> object.set(field, NODES.numberNode(new BigDecimal("1e400")));
                default -> {}
            }
            if (mutation == Mutation.BODY_NUL || operation.write()) {
                // A NUL in a text field: the body is never valid, so a write changes no data.
                String text = object.get(field) != null && object.get(field).isTextual()
                        ? field
                        : fields.stream()
                                .filter(f ->
                                        object.get(f) != null && object.get(f).isTextual())
                                .findFirst()
                                .orElse(field);
                object.put(
                        text,
                        "nul\0" + (object.get(text) != null ? object.get(text).asText("") : ""));
            }
        }
        return skeleton.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A plausible value for a schema: every property present, sample values by type. */
    private JsonNode skeleton(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("allOf") && s.get("allOf").size() > 0) {
            return skeleton(s.get("allOf").get(0), depth);
        }
        if (s.has("oneOf") && s.get("oneOf").size() > 0) {
            return skeleton(s.get("oneOf").get(0), depth);
        }
        String type = s.path("type").isArray()
                ? s.path("type").get(0).asText()
                : s.path("type").asText("object");
        if (depth > 4) {
            return NODES.nullNode();
        }
        return switch (type) {
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(skeleton(s.path("items"), depth + 1));
                yield array;
            }
            case "string" -> NODES.textNode(sample(s, false));
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> {
                ObjectNode object = NODES.objectNode();
                s.path("properties")
                        .fields()
                        .forEachRemaining(p -> object.set(p.getKey(), skeleton(p.getValue(), depth + 1)));
                yield object;
            }
        };
    }

    private String sample(JsonNode schema, boolean inPath) {
        JsonNode s = resolve(schema);
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0).asText();
        }
        return switch (s.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            default -> inPath ? "fuzz-" + random.nextInt(1_000_000) : "x";
        };
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private HttpRequest build(String method, String target, String contentType, byte[] body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(base.toString().replaceAll("/$", "") + target))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /**
     * The test every service runs: {@code childsafe.hostile.requests} (default 1,000) hostile requests with every
     * role's token and none, failing on any answer that breaks the error contract.
     */
    public static void assertNoViolations(URI base) throws Exception {
        int requests = Integer.getInteger("childsafe.hostile.requests", 1000);
        Result result = run(base, everyRole(), requests, 20261202L);
        System.out.printf(
                "[hostile] %d requests over %d operations, %d violation(s)%n",
                result.requests(), result.operations(), result.violations().size());
        if (result.requests() < requests || result.operations() < 4) {
            throw new AssertionError("Only " + result.requests() + " requests over " + result.operations()
                    + " operations were sent: the OpenAPI document was not read");
        }
        if (!result.violations().isEmpty()) {
            StringBuilder message = new StringBuilder(result.violations().size()
                    + " answer(s) break the error contract (5xx, or 4xx without problem+json):");
            result.violations().stream()
                    .limit(30)
                    .forEach(v -> message.append("\n  ").append(v));
            throw new AssertionError(message.toString());
        }
    }

    /** Clients for a run: every role's token and none. */
    public static Map<String, String> everyRole() {
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put("anonymous", null);
        clients.put("admin", TestTokens.admin());
        clients.put("ops", TestTokens.ops());
        clients.put("unit", TestTokens.unit("CA-01"));
        clients.put("reporter", TestTokens.reporter("hostile-client"));
        clients.put("platform", TestTokens.platform("hostile"));
        return clients;
    }
}
