package vn.childsafe.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Issues real RS256 JWTs for the local stack and the tests, standing in for the province's identity provider.
 * The services only ever see its public key.
 */
public final class JwtIssuer {

    /** The {@code iss} claim of locally issued tokens; services verify it. */
    public static final String ISSUER = "https://childsafe.local/issuer";
    /** The {@code aud} claim of locally issued tokens; services accept only tokens meant for ChildSafe. */
    public static final String AUDIENCE = "childsafe";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private JwtIssuer(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A new RSA 2048 key pair held in memory. */
    public static JwtIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new JwtIssuer(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    /** The key pair in {@code dir} ({@code privateKey.pem}, {@code publicKey.pem}), generated on first use. */
    public static JwtIssuer loadOrCreate(Path dir) {
        Path privatePem = dir.resolve("privateKey.pem");
        Path publicPem = dir.resolve("publicKey.pem");
        try {
            if (Files.exists(privatePem) && Files.exists(publicPem)) {
                return fromPem(Files.readString(privatePem), Files.readString(publicPem));
            }
            JwtIssuer issuer = generate();
            Files.createDirectories(dir);
            Files.writeString(privatePem, pem("PRIVATE KEY", issuer.privateKey.getEncoded()));
            Files.writeString(publicPem, issuer.publicKeyPem());
            privatePem.toFile().setReadable(false, false);
            privatePem.toFile().setReadable(true, true);
            return issuer;
        } catch (IOException e) {
            throw new IllegalStateException("JWT keys could not be read or written in " + dir, e);
        }
    }

    /** Rebuilds an issuer from PEM texts. */
    public static JwtIssuer fromPem(String privatePem, String publicPem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new JwtIssuer(
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem))),
                    rsa.generatePublic(new X509EncodedKeySpec(der(publicPem))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Invalid JWT key", e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /**
     * A signed token.
     *
     * @param subject the client (system, platform or unit user) the token is for
     * @param groups  its roles
     * @param claims  further claims, e.g. {@code agency} or {@code platform} (an {@code aud} here replaces
     *                {@link #AUDIENCE})
     */
    public String token(String subject, Set<String> groups, Map<String, Object> claims, Duration ttl) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(groups)
                .expiresIn(ttl.toSeconds());
        claims.forEach(builder::claim);
        return builder.jws().keyId("childsafe-local").sign(privateKey);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
