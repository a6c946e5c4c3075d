package vn.childsafe.intake.config;

import io.smallrye.config.ConfigMapping;

/**
 * Keys of the identity vault ({@code childsafe.vault.*}).
 */
@ConfigMapping(prefix = "childsafe.vault")
public interface VaultConfig {

    /** All keys that may still be needed to read: {@code id:base64(32 bytes),id2:...}. */
    String keys();

    /** The id of the key that encrypts new values. */
    String activeKey();
}
