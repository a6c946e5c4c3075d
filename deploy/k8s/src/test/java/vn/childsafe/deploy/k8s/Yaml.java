package vn.childsafe.deploy.k8s;

import java.util.List;
import java.util.Map;

/** Reading a parsed YAML tree (maps, lists and scalars) by path, as the manifests' custom resources are read. */
final class Yaml {

    private Yaml() {}

    /** The node at {@code path} (map keys, or list indexes as numbers), or null when any step is missing. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map && step instanceof String key) {
                current = map.get(key);
            } else if (current instanceof List<?> list && step instanceof Integer index && index < list.size()) {
                current = list.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    /** The scalar at {@code path} as text (YAML numbers and booleans included), or null. */
    static String text(Object node, Object... path) {
        Object value = at(node, path);
        return value instanceof Map || value instanceof List || value == null ? null : value.toString();
    }

    static List<?> list(Object node, Object... path) {
        return at(node, path) instanceof List<?> list ? list : List.of();
    }

    static Map<?, ?> map(Object node, Object... path) {
        return at(node, path) instanceof Map<?, ?> map ? map : Map.of();
    }
}
