package vn.childsafe.notify.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import vn.childsafe.commons.crypto.EncryptedColumn;
import vn.childsafe.commons.crypto.EncryptedColumns;
import vn.childsafe.commons.crypto.FieldCipher;
import vn.childsafe.notify.contact.ContactPoint;
import vn.childsafe.notify.domain.SecretFingerprint;
import vn.childsafe.notify.platform.Platform;

/**
 * The signing secrets of contact points and platforms, encrypted at rest with notify's key ring and bound to their
 * row (docs/security.md, "Encryption at rest"): a database backup alone cannot forge an alert or a takedown request.
 * Secrets are {@code whsec_<base64>} and contain no line break, so a list is sealed as one value, one per line.
 */
@ApplicationScoped
public class SigningSecrets implements EncryptedColumns {

    static final EncryptedColumn CONTACT_POINT =
            new EncryptedColumn("contact_point", "agency_code", "text", "secrets_enc");
    static final EncryptedColumn PLATFORM = new EncryptedColumn("platform", "code", "text", "secrets_enc");

    private static final Logger LOG = Logger.getLogger(SigningSecrets.class);

    @Inject
    FieldCipher cipher;

    @Inject
    EntityManager em;

    @Override
    public List<EncryptedColumn> columns() {
        return List.of(CONTACT_POINT, PLATFORM);
    }

    /** The contact point's secrets, in order; empty when it has none. */
    public List<String> of(ContactPoint c) {
        return split(cipher.decrypt(c.secretsEnc, CONTACT_POINT.context(c.agencyCode)));
    }

    /** The platform's secrets, in order. */
    public List<String> of(Platform p) {
        return split(cipher.decrypt(p.secretsEnc, PLATFORM.context(p.code)));
    }

    /** Replaces the contact point's secrets. */
    public void set(ContactPoint c, List<String> secrets) {
        c.secretsEnc = seal(secrets, CONTACT_POINT.context(c.agencyCode));
        c.secretFingerprints = fingerprints(secrets);
    }

    /** Replaces the platform's secrets. */
    public void set(Platform p, List<String> secrets) {
        p.secretsEnc = seal(secrets, PLATFORM.context(p.code));
        p.secretFingerprints = fingerprints(secrets);
    }

    /**
     * Moves secrets written in clear by versions before encryption at rest into {@code secrets_enc}, once, at start-up;
     * the plain column is left empty. Concurrent instances skip rows another one holds.
     */
    void encryptLegacy(@Observes StartupEvent start) {
        int moved =
                QuarkusTransaction.requiringNew().call(() -> encryptLegacy(CONTACT_POINT) + encryptLegacy(PLATFORM));
        if (moved > 0) {
            LOG.infof("Encrypted the signing secrets of %d contact points and platforms written in clear", moved);
        }
    }

    private int encryptLegacy(EncryptedColumn column) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + column.idColumn() + ", array_to_string(secrets, E'\\n')"
                        + " FROM " + column.table() + " WHERE cardinality(secrets) > 0 FOR UPDATE SKIP LOCKED")
                .getResultList();
        for (Object[] row : rows) {
            String id = (String) row[0];
            em.createNativeQuery("UPDATE " + column.table() + " SET secrets_enc = :sealed, secrets = '{}' WHERE "
                            + column.idColumn() + " = :id")
                    .setParameter("sealed", cipher.encrypt((String) row[1], column.context(id)))
                    .setParameter("id", id)
                    .executeUpdate();
        }
        return rows.size();
    }

    private String seal(List<String> secrets, String context) {
        return secrets == null || secrets.isEmpty() ? null : cipher.encrypt(String.join("\n", secrets), context);
    }

    private static List<String> split(String sealed) {
        return sealed == null ? List.of() : List.of(sealed.split("\n"));
    }

    private static List<String> fingerprints(List<String> secrets) {
        return secrets == null
                ? new ArrayList<>()
                : new ArrayList<>(secrets.stream().map(SecretFingerprint::of).toList());
    }
}
