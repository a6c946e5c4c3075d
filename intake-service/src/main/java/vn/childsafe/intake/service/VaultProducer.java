package vn.childsafe.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import vn.childsafe.intake.config.VaultConfig;
import vn.childsafe.intake.domain.FieldCipher;

/** Builds the identity vault's cipher from configuration; fails start-up on a bad key ring. */
@ApplicationScoped
public class VaultProducer {

    @Produces
    @ApplicationScoped
    FieldCipher fieldCipher(VaultConfig config) {
        return FieldCipher.fromConfig(config.keys(), config.activeKey());
    }
}
