package vn.childsafe.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The well-formedness check itself: it must refuse what kubectl or an operator would refuse, or quietly ignore. */
class ManifestTreeTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: intake-service
            spec:
              replicas: 2
              selector:
                matchLabels: {app: intake}
              template:
                metadata:
                  labels: {app: intake}
                spec:
                  containers:
                    - name: intake
                      image: childsafe/intake-service
                      %s:
                        httpGet: {path: /q/health/live, port: 9081}
            """;

    @Test
    void aDeploymentWithKnownFieldsIsWellFormed() {
        ManifestTree tree = ManifestTree.parse("ok.yaml", DEPLOYMENT.formatted("livenessProbe"));

        assertThat(tree.problems).isEmpty();
        assertThat(tree.manifests).singleElement().extracting(Manifest::kind).isEqualTo("Deployment");
    }

    @Test
    void aMisspelledFieldDeepInsideACoreObjectIsReported() {
        ManifestTree tree = ManifestTree.parse("typo.yaml", DEPLOYMENT.formatted("livenesProbe"));

        assertThat(tree.problems).singleElement().asString().contains("unknown field(s) [livenesProbe]");
    }

    @Test
    void aKindNoOperatorServesIsReported() {
        ManifestTree tree = ManifestTree.parse("old.yaml", """
                apiVersion: kafka.strimzi.io/v1beta1
                kind: KafkaTopic
                metadata: {name: cases-events-v1}
                spec: {partitions: 6}
                """);

        assertThat(tree.problems).singleElement().asString().contains("not a kind ChildSafe's cluster has");
    }

    @Test
    void anObjectWithoutAValidNameIsReported() {
        ManifestTree tree = ManifestTree.parse("name.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: Childsafe_Settings}
                """);

        assertThat(tree.problems).singleElement().asString().contains("not a DNS-1123 name");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsReported() {
        ManifestTree tree = ManifestTree.parse("list.yaml", """
                - just
                - a list
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec: {ports: [{port: 80, targetPort: http, protocl: TCP}]}
                """);

        assertThat(tree.problems)
                .hasSize(2)
                .anyMatch(p -> p.contains("not a mapping"))
                .anyMatch(p -> p.contains("[protocl]"));
    }
}
