package vn.childsafe.deploy.k8s;

import java.nio.file.Path;
import java.util.Map;

/**
 * One Kubernetes object of a file in deploy/k8s: the YAML as written, and for core kinds the fabric8 model object
 * it parsed into (null for the operators' custom resources, which are checked field by field).
 */
record Manifest(Path file, int index, Map<String, Object> yaml, Object model) {

    String apiVersion() {
        return Yaml.text(yaml, "apiVersion");
    }

    String kind() {
        return Yaml.text(yaml, "kind");
    }

    String name() {
        return Yaml.text(yaml, "metadata", "name");
    }

    boolean is(String kind) {
        return kind.equals(kind());
    }

    /** The model object, for a core kind. */
    <T> T as(Class<T> type) {
        return type.cast(model);
    }

    @Override
    public String toString() {
        return file + " #" + (index + 1) + " (" + kind() + " " + name() + ")";
    }
}
