package vn.childsafe.routing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.childsafe.testsupport.KafkaTestClient;

/** The raw Kafka client of the tests that check what travels on the broker the service runs against. */
@Singleton
public class TestKafka {

    @Produces
    @Singleton
    KafkaTestClient kafka(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new KafkaTestClient(bootstrapServers);
    }
}
