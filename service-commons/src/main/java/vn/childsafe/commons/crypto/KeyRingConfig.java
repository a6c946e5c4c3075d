package vn.childsafe.commons.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service's field-encryption key ring ({@code childsafe.keyring.*}; production: {@code VAULT_KEYS} and
 * {@code VAULT_ACTIVE_KEY}, see docs/runbook.md, "Rotating an encryption key"). Each service has a ring of its own.
 */
@ConfigMapping(prefix = "childsafe.keyring")
public interface KeyRingConfig {

    /** All keys that may still be needed to read: {@code id:base64(32 bytes),id2:...}. */
    String keys();

    /** The id of the key that encrypts new values. */
    String activeKey();

    /** How many values the re-encryption job rewrites in one transaction. */
    @WithDefault("200")
    int reencryptBatchSize();
}
