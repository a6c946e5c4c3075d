package vn.childsafe.commons.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the service's {@link FieldCipher} from its key ring; a bad key ring fails start-up. */
@ApplicationScoped
public class FieldCipherProducer {

    @Produces
    @ApplicationScoped
    FieldCipher fieldCipher(KeyRingConfig config) {
        return FieldCipher.fromConfig(config.keys(), config.activeKey());
    }
}
