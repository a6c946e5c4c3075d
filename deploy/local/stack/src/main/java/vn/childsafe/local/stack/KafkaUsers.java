package vn.childsafe.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kafka users and ACLs of production, read from the Strimzi {@code KafkaUser}s an operator applies
 * (deploy/k8s/base/kafka-users.yaml), so that a local secured broker enforces exactly what the cluster will.
 */
public final class KafkaUsers {

    /** Where the manifests keep the users, relative to the repository root. */
    public static final String MANIFEST = "deploy/k8s/base/kafka-users.yaml";

    private KafkaUsers() {}

    /**
     * Each {@code KafkaUser} of the file by name, with its ACLs as Kafka bindings for principal
     * {@code User:<name>}. Only what the manifests use is understood (simple authorization, literal or prefixed
     * topic, group and cluster resources); anything else fails rather than being granted differently.
     */
    public static Map<String, List<AclBinding>> read(Path manifest) {
        Map<String, List<AclBinding>> users = new LinkedHashMap<>();
        try (MappingIterator<JsonNode> documents =
                new YAMLMapper().readerFor(JsonNode.class).readValues(manifest.toFile())) {
            while (documents.hasNext()) {
                JsonNode user = documents.next();
                if (user == null || !"KafkaUser".equals(user.path("kind").asText())) {
                    continue;
                }
                String name = user.path("metadata").path("name").asText();
                JsonNode authorization = user.path("spec").path("authorization");
                if (!"simple".equals(authorization.path("type").asText())) {
                    throw new IllegalArgumentException(name + ": only simple authorization is understood");
                }
                List<AclBinding> bindings = new ArrayList<>();
                for (JsonNode acl : authorization.path("acls")) {
                    ResourcePattern resource = resource(name, acl.path("resource"));
                    AclPermissionType permission =
                            acl.path("type").asText("allow").equals("deny")
                                    ? AclPermissionType.DENY
                                    : AclPermissionType.ALLOW;
                    String host = acl.path("host").asText("*");
                    for (JsonNode operation : acl.path("operations")) {
                        bindings.add(new AclBinding(
                                resource,
                                new AccessControlEntry(
                                        "User:" + name, host, operation(name, operation.asText()), permission)));
                    }
                }
                users.put(name, List.copyOf(bindings));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(manifest + " could not be read", e);
        }
        return users;
    }

    private static ResourcePattern resource(String user, JsonNode resource) {
        ResourceType type = switch (resource.path("type").asText()) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "cluster" -> ResourceType.CLUSTER;
            default -> throw new IllegalArgumentException(user + ": resource " + resource + " is not understood");
        };
        PatternType pattern = switch (resource.path("patternType").asText("literal")) {
            case "literal" -> PatternType.LITERAL;
            case "prefix" -> PatternType.PREFIXED;
            default -> throw new IllegalArgumentException(user + ": pattern of " + resource + " is not understood");
        };
        String name = type == ResourceType.CLUSTER
                ? "kafka-cluster"
                : resource.path("name").asText();
        return new ResourcePattern(type, name, pattern);
    }

    /** Strimzi spells operations as Kafka's ACL tool does ({@code IdempotentWrite}); Kafka's enum has underscores. */
    private static AclOperation operation(String user, String name) {
        AclOperation operation = AclOperation.fromString(
                name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
            throw new IllegalArgumentException(user + ": operation " + name + " is not understood");
        }
        return operation;
    }
}
