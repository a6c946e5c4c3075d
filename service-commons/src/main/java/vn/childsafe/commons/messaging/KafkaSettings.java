package vn.childsafe.commons.messaging;

import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;

/**
 * The Kafka client settings every producer and consumer of a service starts from: all {@code kafka.*} properties
 * of the configuration (bootstrap servers, and in production TLS and SASL settings such as
 * {@code kafka.security.protocol} or {@code kafka.sasl.jaas.config}), as Quarkus collects them.
 */
@ApplicationScoped
public class KafkaSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> defaults;

    /** A fresh copy of the common settings, for one client to add its own to. */
    public Properties common() {
        Properties props = new Properties();
        defaults.forEach((key, value) -> {
            // Quarkus's own switches under kafka.* are not client settings.
            if (!key.startsWith("health") && !key.startsWith("devservices") && !key.startsWith("snappy")) {
                props.put(key, value);
            }
        });
        return props;
    }
}
