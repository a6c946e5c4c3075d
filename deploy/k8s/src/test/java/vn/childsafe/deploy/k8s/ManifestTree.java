package vn.childsafe.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Every YAML file under deploy/k8s, read as Kubernetes objects. A document that is not a well-formed object is a
 * problem: no apiVersion, kind or valid name, a kind nobody installs, or, for core kinds, a field the Kubernetes
 * model does not know (fabric8 keeps those aside instead of failing, so they are looked for in every nested object).
 */
final class ManifestTree {

    /** The core kinds ChildSafe's manifests use, and the model class each must parse into. */
    static final Map<String, Class<?>> CORE_KINDS = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Namespace", Namespace.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1 Ingress", Ingress.class);

    /** The operators' kinds (Strimzi 0.49+, CloudNativePG 1.26+, its Barman Cloud plugin), checked field by field. */
    static final Set<String> CUSTOM_KINDS = Set.of(
            "kafka.strimzi.io/v1 Kafka",
            "kafka.strimzi.io/v1 KafkaNodePool",
            "kafka.strimzi.io/v1 KafkaTopic",
            "kafka.strimzi.io/v1 KafkaUser",
            "postgresql.cnpg.io/v1 Cluster",
            "postgresql.cnpg.io/v1 Database",
            "postgresql.cnpg.io/v1 ScheduledBackup",
            "barmancloud.cnpg.io/v1 ObjectStore");

    static final String KUSTOMIZATION = "kustomization.yaml";

    /** A DNS-1123 subdomain: what Kubernetes accepts as the name of these objects. */
    private static final Pattern NAME =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final Path root;
    final List<Manifest> manifests = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    private ManifestTree(Path root) {
        this.root = root;
    }

    /** Reads every YAML file under {@code root} but kustomization files, the module's sources and its build output. */
    static ManifestTree read(Path root) {
        ManifestTree tree = new ManifestTree(root);
        for (Path file : yamlFiles(root)) {
            if (!file.getFileName().toString().equals(KUSTOMIZATION)) {
                try {
                    tree.parse(root.relativize(file), Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return tree;
    }

    /** Reads one file's text (for tests of the checks themselves). */
    static ManifestTree parse(String fileName, String text) {
        ManifestTree tree = new ManifestTree(Path.of("."));
        tree.parse(Path.of(fileName), text);
        return tree;
    }

    static List<Path> yamlFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !root.relativize(f).startsWith("target")
                            && !root.relativize(f).startsWith("src"))
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Manifest> all(String kind) {
        return manifests.stream().filter(m -> m.is(kind)).toList();
    }

    Manifest one(String kind, String name) {
        return manifests.stream()
                .filter(m -> m.is(kind) && name.equals(m.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in deploy/k8s"));
    }

    private void parse(Path file, String text) {
        // Document by document: Jackson's readValues would take a document that is a list for the list's items.
        List<Object> documents = new ArrayList<>();
        try (YAMLParser parser = YAML.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                documents.add(YAML.readValue(parser, Object.class));
            }
        } catch (IOException e) {
            problems.add(file + ": not YAML: " + e.getMessage());
            return;
        }
        for (int i = 0; i < documents.size(); i++) {
            Object document = documents.get(i);
            if (document == null) {
                continue; // an empty document, e.g. after a trailing ---
            }
            check(file, i, document);
        }
    }

    @SuppressWarnings("unchecked")
    private void check(Path file, int index, Object document) {
        String where = file + " #" + (index + 1);
        if (!(document instanceof Map<?, ?>)) {
            problems.add(where + ": not a mapping");
            return;
        }
        Map<String, Object> yaml = (Map<String, Object>) document;
        String apiVersion = Yaml.text(yaml, "apiVersion");
        String kind = Yaml.text(yaml, "kind");
        String name = Yaml.text(yaml, "metadata", "name");
        if (apiVersion == null || kind == null) {
            problems.add(where + ": no apiVersion or kind");
            return;
        }
        if (name == null || !NAME.matcher(name).matches() || name.length() > 253) {
            problems.add(where + ": metadata.name missing or not a DNS-1123 name: " + name);
            return;
        }
        String type = apiVersion + " " + kind;
        Object model = null;
        if (CORE_KINDS.containsKey(type)) {
            try {
                model = SERIALIZATION.convertValue(yaml, KubernetesResource.class);
            } catch (RuntimeException e) {
                problems.add(where + ": does not parse as " + type + ": " + e.getMessage());
                return;
            }
            if (!CORE_KINDS.get(type).isInstance(model) || model instanceof GenericKubernetesResource) {
                problems.add(where + ": parsed as " + model.getClass().getSimpleName() + ", not " + type);
                return;
            }
            unknownFields(where + " " + kind, model, problems);
        } else if (CUSTOM_KINDS.contains(type)) {
            if (!(yaml.get("spec") instanceof Map)) {
                problems.add(where + ": " + type + " without a spec");
                return;
            }
        } else {
            problems.add(where + ": " + type + " is not a kind ChildSafe's cluster has (a typo, or an API version"
                    + " its operators do not serve)");
            return;
        }
        manifests.add(new Manifest(file, index, yaml, model));
    }

    /** Walks a fabric8 model object and reports every field the model did not recognise, with its path. */
    private static void unknownFields(String path, Object node, List<String> problems) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(path + "[" + i + "]", list.get(i), problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(path + "." + key, value, problems));
            return;
        }
        if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // a computed getter (e.g. Quantity's amount) that is not a field
            }
            String field = Character.toLowerCase(getter.getName().charAt(3))
                    + getter.getName().substring(4);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                unknownFields(path + "." + field, value, problems);
            }
        }
    }
}
