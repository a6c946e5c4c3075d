package vn.childsafe.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import vn.childsafe.local.infra.JwtIssuer;

/**
 * Tokens for tests, signed with the key whose public half {@link ChildSafeTestResources} hands to the service
 * under test. The key pair is kept in system properties because Quarkus loads test resources and test classes
 * in different class loaders, and both must see the same key.
 */
public final class TestTokens {

    private static final String PRIVATE = "childsafe.test.jwt.private-pem";
    private static final String PUBLIC = "childsafe.test.jwt.public-pem";
    private static final Duration TTL = Duration.ofHours(1);

    private TestTokens() {}

    /** The issuer of this test JVM, created on first use. */
    public static synchronized JwtIssuer issuer() {
        if (System.getProperty(PRIVATE) == null) {
            JwtIssuer issuer = JwtIssuer.generate();
            System.setProperty(PRIVATE, issuer.privateKeyPem());
            System.setProperty(PUBLIC, issuer.publicKeyPem());
        }
        return JwtIssuer.fromPem(System.getProperty(PRIVATE), System.getProperty(PUBLIC));
    }

    /** A token with the given roles and claims. */
    public static String token(String subject, Set<String> groups, Map<String, Object> claims) {
        return issuer().token(subject, groups, claims, TTL);
    }

    /** A government system or hotline client allowed to submit reports. */
    public static String reporter(String client) {
        return token(client, Set.of("reporter"), Map.of());
    }

    /** A platform client. */
    public static String platform(String platformCode) {
        return token("platform-" + platformCode, Set.of("platform"), Map.of("platform", platformCode));
    }

    /** A user of a responsible unit. */
    public static String unit(String agencyCode) {
        return token("unit-" + agencyCode, Set.of("unit"), Map.of("agency", agencyCode));
    }

    public static String admin() {
        return token("admin", Set.of("admin"), Map.of());
    }

    public static String ops() {
        return token("ops", Set.of("ops"), Map.of());
    }
}
