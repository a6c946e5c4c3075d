package vn.childsafe.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * deploy/k8s as an operator applies it, checked against what the services' code and configuration need: every file
 * is a well-formed Kubernetes object, every kustomization lists its files, each Deployment runs two replicas probed
 * on its management port with every variable its prod profile requires, the Kafka topics and each service's ACLs
 * are exactly what its code publishes and consumes, and every Secret referenced is one an operator creates or one
 * docs/deploy.md tells the operator to create.
 */
class ManifestsTest {

    static Path repository;
    static ManifestTree tree;
    static List<ServiceFacts> services;

    @BeforeAll
    static void read() {
        Path module =
                Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        repository = module.resolve("../..").normalize();
        tree = ManifestTree.read(module);
        services = ServiceFacts.read(repository);
    }

    @Test
    void everyManifestIsAWellFormedKubernetesObject() {
        assertThat(tree.problems).isEmpty();
        assertThat(tree.manifests).hasSizeGreaterThan(30);
    }

    @Test
    void noSecretValueIsCommitted() {
        assertThat(tree.manifests).noneMatch(m -> m.is("Secret"));
        for (Path file : ManifestTree.yamlFiles(tree.root)) {
            assertThat(ServiceFacts.text(file)).as(file.toString()).doesNotContainPattern("(?m)^kind:\\s*Secret\\b");
        }
    }

    @Test
    void everyKustomizationListsEveryFileBesideIt() {
        Set<Path> dirs =
                ManifestTree.yamlFiles(tree.root).stream().map(Path::getParent).collect(Collectors.toSet());
        for (Path dir : dirs) {
            Path kustomization = dir.resolve(ManifestTree.KUSTOMIZATION);
            assertThat(kustomization)
                    .as("every directory of manifests is a kustomization")
                    .exists();
            Object yaml = yaml(kustomization);
            Set<String> listed = new HashSet<>();
            Yaml.list(yaml, "resources").forEach(r -> listed.add(r.toString()));
            Yaml.list(yaml, "patches").forEach(p -> listed.add(Yaml.text(p, "path")));
            for (String entry : listed) {
                Path target = dir.resolve(entry).normalize();
                assertThat(Files.isRegularFile(target) || Files.exists(target.resolve(ManifestTree.KUSTOMIZATION)))
                        .as(kustomization + " lists " + entry + ", which is neither a file nor a kustomization")
                        .isTrue();
            }
            try (var files = Files.list(dir)) {
                Set<String> beside = files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(".yaml") && !f.equals(ManifestTree.KUSTOMIZATION))
                        .collect(Collectors.toSet());
                assertThat(listed)
                        .as(kustomization + " lists every file beside it")
                        .containsAll(beside);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void eachServiceRunsTwoReplicasProbedOnItsManagementPort() {
        for (ServiceFacts service : services) {
            Deployment deployment = tree.one("Deployment", service.name()).as(Deployment.class);
            Container container = container(deployment);
            assertThat(deployment.getSpec().getReplicas()).as(service.name()).isEqualTo(2);
            assertThat(env(container))
                    .as(service.name() + " keeps the ports of its application.properties")
                    .doesNotContainKeys("QUARKUS_HTTP_PORT", "QUARKUS_MANAGEMENT_PORT");
            assertThat(port(container, container.getLivenessProbe().getHttpGet()))
                    .isEqualTo(service.managementPort());
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(port(container, container.getReadinessProbe().getHttpGet()))
                    .isEqualTo(service.managementPort());
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getPorts()).anyMatch(p -> p.getContainerPort() == service.httpPort());
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(deployment.getSpec().getTemplate().getSpec().getEnableServiceLinks())
                    .as("no service-link variables that Quarkus could read as KAFKA_* settings")
                    .isFalse();
        }
    }

    @Test
    void eachServiceHasEveryVariableItsProdProfileRequires() {
        for (ServiceFacts service : services) {
            Container container =
                    container(tree.one("Deployment", service.name()).as(Deployment.class));
            assertThat(env(container).keySet()).as(service.name()).containsAll(service.requiredEnv());
        }
    }

    @Test
    void eachServiceHasAServiceADisruptionBudgetAndAnAutoscaler() {
        for (ServiceFacts service : services) {
            Map<String, String> labels = tree.one("Deployment", service.name())
                    .as(Deployment.class)
                    .getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getLabels();
            assertThat(labels)
                    .containsAllEntriesOf(tree.one("Service", service.name())
                            .as(Service.class)
                            .getSpec()
                            .getSelector());
            PodDisruptionBudget pdb =
                    tree.one("PodDisruptionBudget", service.name()).as(PodDisruptionBudget.class);
            assertThat(labels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            HorizontalPodAutoscaler hpa =
                    tree.one("HorizontalPodAutoscaler", service.name()).as(HorizontalPodAutoscaler.class);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(service.name());
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        }
    }

    @Test
    void kafkaTopicsAreExactlyTheTopicsTheServicesUse() {
        Set<String> used = new TreeSet<>();
        services.forEach(s -> {
            used.addAll(s.writes());
            used.addAll(s.reads());
        });
        Map<String, Manifest> topics = new TreeMap<>();
        tree.all("KafkaTopic").forEach(t -> topics.put(Yaml.text(t.yaml(), "spec", "topicName"), t));
        assertThat(topics.keySet()).isEqualTo(used).isEqualTo(ServiceFacts.localTopics(repository));
        String cluster = kafka().name();
        for (Map.Entry<String, Manifest> topic : topics.entrySet()) {
            Object yaml = topic.getValue().yaml();
            assertThat(Yaml.text(yaml, "metadata", "labels", "strimzi.io/cluster"))
                    .isEqualTo(cluster);
            assertThat(Yaml.text(yaml, "spec", "replicas")).as(topic.getKey()).isEqualTo("3");
            assertThat(Yaml.text(yaml, "spec", "config", "min.insync.replicas"))
                    .as(topic.getKey())
                    .isEqualTo("2");
            assertThat(Yaml.text(yaml, "spec", "config", "retention.ms"))
                    .as(topic.getKey())
                    .isNotNull();
            int partitions = Integer.parseInt(Yaml.text(yaml, "spec", "partitions"));
            for (ServiceFacts consumer : services) {
                if (consumer.reads().contains(topic.getKey())) {
                    assertThat(partitions)
                            .as(topic.getKey() + ": a partition for every pod of " + consumer.name())
                            .isGreaterThanOrEqualTo(tree.one("HorizontalPodAutoscaler", consumer.name())
                                    .as(HorizontalPodAutoscaler.class)
                                    .getSpec()
                                    .getMaxReplicas());
                }
            }
        }
    }

    @Test
    void eachKafkaUserMayDoExactlyWhatItsServiceDoes() {
        assertThat(tree.all("KafkaUser"))
                .extracting(Manifest::name)
                .containsExactlyInAnyOrderElementsOf(
                        services.stream().map(ServiceFacts::name).toList());
        for (ServiceFacts service : services) {
            Object user = tree.one("KafkaUser", service.name()).yaml();
            assertThat(Yaml.text(user, "metadata", "labels", "strimzi.io/cluster"))
                    .isEqualTo(kafka().name());
            assertThat(Yaml.text(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            assertThat(Yaml.text(user, "spec", "authorization", "type")).isEqualTo("simple");
            Map<String, Set<String>> expected = new TreeMap<>();
            service.writes()
                    .forEach(t -> expected.computeIfAbsent("topic " + t, k -> new TreeSet<>())
                            .addAll(List.of("Write", "Describe")));
            service.reads()
                    .forEach(t -> expected.computeIfAbsent("topic " + t, k -> new TreeSet<>())
                            .addAll(List.of("Read", "Describe")));
            expected.put("group " + service.name(), new TreeSet<>(List.of("Read")));
            assertThat(acls(user)).as(service.name()).isEqualTo(expected);
        }
        assertThat(tree.all("KafkaUser"))
                .as("only routing writes the case events intake trusts")
                .filteredOn(u -> acls(u.yaml())
                        .getOrDefault("topic cases.events.v1", Set.of())
                        .contains("Write"))
                .extracting(Manifest::name)
                .containsExactly("routing-service");
    }

    @Test
    void kafkaIsAKraftClusterOfThreeWithScramOverTls() {
        Manifest kafka = kafka();
        List<Manifest> pools = tree.all("KafkaNodePool");
        assertThat(pools)
                .allMatch(p -> kafka.name().equals(Yaml.text(p.yaml(), "metadata", "labels", "strimzi.io/cluster")));
        for (String role : List.of("controller", "broker")) {
            assertThat(pools.stream()
                            .filter(p -> Yaml.list(p.yaml(), "spec", "roles").contains(role))
                            .mapToInt(p -> Integer.parseInt(Yaml.text(p.yaml(), "spec", "replicas")))
                            .sum())
                    .as(role + "s")
                    .isEqualTo(3);
        }
        assertThat(Yaml.text(kafka.yaml(), "spec", "kafka", "authorization", "type"))
                .isEqualTo("simple");
        assertThat(Yaml.text(kafka.yaml(), "spec", "kafka", "config", "auto.create.topics.enable"))
                .isEqualTo("false");
        assertThat(Yaml.list(kafka.yaml(), "spec", "kafka", "listeners"))
                .as("every listener is TLS with SCRAM")
                .isNotEmpty()
                .allMatch(l -> "true".equals(Yaml.text(l, "tls"))
                        && "scram-sha-512".equals(Yaml.text(l, "authentication", "type")));
    }

    @Test
    void eachServiceReachesKafkaAsItsOwnUserOverTls() {
        Manifest kafka = kafka();
        String bootstrap =
                kafka.name() + "-kafka-bootstrap:" + Yaml.text(kafka.yaml(), "spec", "kafka", "listeners", 0, "port");
        for (ServiceFacts service : services) {
            Deployment deployment = tree.one("Deployment", service.name()).as(Deployment.class);
            Map<String, EnvVar> env = env(container(deployment));
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").getValue()).isEqualTo(bootstrap);
            assertThat(env.get("KAFKA_SECURITY_PROTOCOL").getValue()).isEqualTo("SASL_SSL");
            assertThat(env.get("KAFKA_SASL_MECHANISM").getValue()).isEqualTo("SCRAM-SHA-512");
            SecretKeySelector jaas =
                    env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef();
            assertThat(jaas.getName())
                    .as("the Secret Strimzi writes for the KafkaUser")
                    .isEqualTo(service.name());
            assertThat(jaas.getKey()).isEqualTo("sasl.jaas.config");
            assertThat(secretMountedAt(
                            deployment, env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").getValue()))
                    .isEqualTo(kafka.name() + "-cluster-ca-cert");
        }
    }

    @Test
    void eachServiceHasItsOwnDatabaseAndRoleInThePostgresCluster() {
        Manifest cluster = tree.all("Cluster").get(0);
        assertThat(tree.all("Cluster")).hasSize(1);
        assertThat(Yaml.text(cluster.yaml(), "spec", "instances")).isEqualTo("3");
        Map<String, String> rolePasswords = new HashMap<>();
        Yaml.list(cluster.yaml(), "spec", "managed", "roles")
                .forEach(r -> rolePasswords.put(Yaml.text(r, "name"), Yaml.text(r, "passwordSecret", "name")));
        Pattern url = Pattern.compile("jdbc:postgresql://([^:/]+):5432/([a-z_]+)\\?.*sslmode=verify-full.*");
        Set<String> databases = new LinkedHashSet<>();
        for (ServiceFacts service : services) {
            Deployment deployment = tree.one("Deployment", service.name()).as(Deployment.class);
            Map<String, EnvVar> env = env(container(deployment));
            Matcher jdbc = url.matcher(env.get("DB_URL").getValue());
            assertThat(jdbc.matches())
                    .as(service.name() + " DB_URL, TLS verified")
                    .isTrue();
            assertThat(jdbc.group(1)).isEqualTo(cluster.name() + "-rw");
            assertThat(secretMountedAt(deployment, env.get("DB_URL").getValue().replaceAll(".*sslrootcert=", "")))
                    .isEqualTo(cluster.name() + "-ca");
            Manifest database = tree.all("Database").stream()
                    .filter(d -> jdbc.group(2).equals(Yaml.text(d.yaml(), "spec", "name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Database " + jdbc.group(2)));
            assertThat(Yaml.text(database.yaml(), "spec", "cluster", "name")).isEqualTo(cluster.name());
            String owner = Yaml.text(database.yaml(), "spec", "owner");
            assertThat(rolePasswords).as("a managed role owns " + jdbc.group(2)).containsKey(owner);
            SecretKeySelector user = env.get("DB_USER").getValueFrom().getSecretKeyRef();
            SecretKeySelector password = env.get("DB_PASSWORD").getValueFrom().getSecretKeyRef();
            assertThat(List.of(user.getName(), password.getName())).containsOnly(rolePasswords.get(owner));
            assertThat(List.of(user.getKey(), password.getKey())).containsExactly("username", "password");
            databases.add(jdbc.group(2));
        }
        assertThat(databases).as("one database per service").hasSize(services.size());
        Manifest backup = tree.all("ScheduledBackup").get(0);
        assertThat(Yaml.text(backup.yaml(), "spec", "cluster", "name")).isEqualTo(cluster.name());
        String store = Yaml.text(cluster.yaml(), "spec", "plugins", 0, "parameters", "barmanObjectName");
        assertThat(tree.all("ObjectStore")).extracting(Manifest::name).contains(store);
    }

    @Test
    void everySecretReferencedIsCreatedByAnOperatorOrDocumented() {
        Map<String, Set<String>> documented = documentedSecrets();
        Map<String, Set<String>> operatorMade = new HashMap<>();
        tree.all("KafkaUser").forEach(u -> operatorMade.put(u.name(), Set.of("password", "sasl.jaas.config")));
        operatorMade.put(kafka().name() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        tree.all("Cluster").forEach(c -> operatorMade.put(c.name() + "-ca", Set.of("ca.crt", "ca.key")));
        Map<String, Set<String>> referenced = referencedSecrets();
        assertThat(referenced).isNotEmpty();
        referenced.forEach((secret, keys) -> {
            Set<String> known = operatorMade.containsKey(secret) ? operatorMade.get(secret) : documented.get(secret);
            assertThat(known)
                    .as("Secret " + secret + ": made by Strimzi or CloudNativePG, or in docs/deploy.md")
                    .isNotNull();
            assertThat(known).as("keys of Secret " + secret).containsAll(keys);
        });
    }

    @Test
    void everyConfigMapKeyReferencedExists() {
        Map<String, Set<String>> configMaps = new HashMap<>();
        tree.all("ConfigMap")
                .forEach(c ->
                        configMaps.put(c.name(), c.as(ConfigMap.class).getData().keySet()));
        for (Manifest deployment : tree.all("Deployment")) {
            for (EnvVar var : container(deployment.as(Deployment.class)).getEnv()) {
                if (var.getValueFrom() != null && var.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = var.getValueFrom().getConfigMapKeyRef();
                    assertThat(configMaps.getOrDefault(ref.getName(), Set.of()))
                            .as(deployment + " " + var.getName())
                            .contains(ref.getKey());
                }
            }
        }
    }

    @Test
    void servicesReachOnlyNamedPortsAndNotifyTheInternetOnlyOn443() {
        for (Manifest manifest : tree.all("NetworkPolicy")) {
            NetworkPolicy policy = manifest.as(NetworkPolicy.class);
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                assertThat(rule.getPorts())
                        .as(manifest + ": every egress rule names its ports")
                        .isNotEmpty();
                boolean internet = rule.getTo().stream()
                        .anyMatch(p -> p.getIpBlock() != null
                                && List.of("0.0.0.0/0", "::/0")
                                        .contains(p.getIpBlock().getCidr()));
                if (internet) {
                    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                            .as(manifest + ": only notify reaches the internet")
                            .containsEntry("app.kubernetes.io/name", "notify-service");
                    assertThat(rule.getPorts())
                            .extracting(p -> p.getPort().getIntVal())
                            .containsExactly(443);
                }
            }
        }
    }

    private static Manifest kafka() {
        assertThat(tree.all("Kafka")).hasSize(1);
        return tree.all("Kafka").get(0);
    }

    /** A KafkaUser's ACLs as "type name" → operations; a prefixed or wildcard rule fails the test. */
    private static Map<String, Set<String>> acls(Object user) {
        Map<String, Set<String>> acls = new TreeMap<>();
        for (Object acl : Yaml.list(user, "spec", "authorization", "acls")) {
            assertThat(Yaml.text(acl, "resource", "patternType"))
                    .as("literal resource names only")
                    .isEqualTo("literal");
            String resource = Yaml.text(acl, "resource", "type") + " " + Yaml.text(acl, "resource", "name");
            Yaml.list(acl, "operations")
                    .forEach(o ->
                            acls.computeIfAbsent(resource, k -> new TreeSet<>()).add(o.toString()));
        }
        return acls;
    }

    /** Secret name → keys, from every reference in Deployments and in the operators' resources. */
    private static Map<String, Set<String>> referencedSecrets() {
        Map<String, Set<String>> secrets = new TreeMap<>();
        for (Manifest manifest : tree.all("Deployment")) {
            PodSpec pod = manifest.as(Deployment.class).getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                for (EnvVar var : container.getEnv()) {
                    if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                        secrets.computeIfAbsent(
                                        var.getValueFrom().getSecretKeyRef().getName(), k -> new TreeSet<>())
                                .add(var.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
                assertThat(container.getEnvFrom())
                        .as("secrets by key, so each is documented")
                        .isEmpty();
            }
            for (Volume volume : pod.getVolumes()) {
                if (volume.getSecret() != null) {
                    Set<String> keys =
                            secrets.computeIfAbsent(volume.getSecret().getSecretName(), k -> new TreeSet<>());
                    volume.getSecret().getItems().forEach(i -> keys.add(i.getKey()));
                }
            }
        }
        for (Manifest cluster : tree.all("Cluster")) {
            Yaml.list(cluster.yaml(), "spec", "managed", "roles")
                    .forEach(r -> secrets.computeIfAbsent(Yaml.text(r, "passwordSecret", "name"), k -> new TreeSet<>())
                            .addAll(List.of("username", "password")));
        }
        for (Manifest store : tree.all("ObjectStore")) {
            for (Object credential : Yaml.map(store.yaml(), "spec", "configuration", "s3Credentials")
                    .values()) {
                secrets.computeIfAbsent(Yaml.text(credential, "name"), k -> new TreeSet<>())
                        .add(Yaml.text(credential, "key"));
            }
        }
        for (Manifest ingress : tree.all("Ingress")) {
            Yaml.list(ingress.yaml(), "spec", "tls")
                    .forEach(t -> secrets.computeIfAbsent(Yaml.text(t, "secretName"), k -> new TreeSet<>())
                            .addAll(List.of("tls.crt", "tls.key")));
        }
        return secrets;
    }

    /** The Secrets table of docs/deploy.md: rows of `name` and its `keys`. */
    private static Map<String, Set<String>> documentedSecrets() {
        Map<String, Set<String>> secrets = new HashMap<>();
        Pattern row = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\| ([^|]+) \\|");
        Pattern key = Pattern.compile("`([A-Za-z0-9._-]+)`");
        Matcher rows = row.matcher(ServiceFacts.text(repository.resolve("docs/deploy.md")));
        while (rows.find()) {
            Set<String> keys = new TreeSet<>();
            Matcher keyMatcher = key.matcher(rows.group(2));
            while (keyMatcher.find()) {
                keys.add(keyMatcher.group(1));
            }
            secrets.put(rows.group(1), keys);
        }
        return secrets;
    }

    private static Container container(Deployment deployment) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, EnvVar> env(Container container) {
        Map<String, EnvVar> env = new TreeMap<>();
        container.getEnv().forEach(v -> env.put(v.getName(), v));
        return env;
    }

    private static int port(Container container, HTTPGetAction probe) {
        IntOrString port = probe.getPort();
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()))
                .getContainerPort();
    }

    /** The Secret mounted at the directory of {@code file} in the Deployment's container. */
    private static String secretMountedAt(Deployment deployment, String file) {
        String dir = Path.of(file).getParent().toString();
        VolumeMount mount = container(deployment).getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(dir))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + dir));
        return deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()) && v.getSecret() != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError(dir + " is not a Secret"))
                .getSecret()
                .getSecretName();
    }

    private static Object yaml(Path file) {
        try {
            return new YAMLMapper().readValue(file.toFile(), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
