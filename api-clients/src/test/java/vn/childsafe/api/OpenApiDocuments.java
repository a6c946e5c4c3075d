package vn.childsafe.api;

import java.nio.file.Path;
import java.util.List;

/** Where the committed OpenAPI documents are and where the services' builds write theirs. */
final class OpenApiDocuments {

    /** The services whose documents are published, by module name. */
    static final List<String> SERVICES = List.of("intake-service", "routing-service", "notify-service");

    private OpenApiDocuments() {}

    /** The committed document integrators read: docs/openapi/&lt;service&gt;.yaml. */
    static Path committed(String service) {
        return Path.of(System.getProperty("openapi.docs", "../docs/openapi")).resolve(service + ".yaml");
    }

    /** The document the service's build wrote (quarkus.smallrye-openapi.store-schema-directory). */
    static Path built(String service) {
        return Path.of(System.getProperty("openapi.built", ".."))
                .resolve(service)
                .resolve("target/openapi/openapi.yaml");
    }
}
