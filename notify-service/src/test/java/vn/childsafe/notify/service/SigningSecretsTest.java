package vn.childsafe.notify.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.notify.contact.ContactPoint;
import vn.childsafe.notify.domain.SecretFingerprint;
import vn.childsafe.notify.support.Api;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.Sql;
import vn.childsafe.testsupport.TestTokens;

/**
 * Signing secrets at rest (docs/security.md, "Encryption at rest"): never in clear in a row, bound to their agency,
 * and moved out of the plain column that earlier versions wrote.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = vn.childsafe.notify.support.ChannelStubs.class, scope = TestResourceScope.GLOBAL)
class SigningSecretsTest {

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    SigningSecrets signingSecrets;

    @Test
    void secretsAreSealedPerAgencyAndNeverStoredInClear() throws Exception {
        String agency = "CA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String other = "CA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String secret = WebhookSignature.newSecret();
        String second = WebhookSignature.newSecret();
        Api.putWebhook(agency, "http://127.0.0.1:8089/hooks/" + agency, secret, second);
        Api.putWebhook(other, "http://127.0.0.1:8089/hooks/" + other, WebhookSignature.newSecret());

        String sealed = text("SELECT secrets_enc FROM contact_point WHERE agency_code = '" + agency + "'");
        assertThat(sealed).startsWith("v2.test2:").doesNotContain("whsec_");
        assertThat(text("SELECT count(*) FROM contact_point WHERE cardinality(secrets) > 0 OR array_to_string("
                        + "secret_fingerprints, ',') LIKE '%whsec_%'"))
                .isEqualTo("0");
        assertThat(secretsOf(agency)).containsExactly(secret, second);
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/contact-points/{code}", agency)
                .then()
                .statusCode(200)
                .body(
                        "secretFingerprints",
                        equalTo(List.of(SecretFingerprint.of(secret), SecretFingerprint.of(second))));

        // Copied to another agency's row, the sealed value no longer opens: it cannot sign for that agency.
        execute("UPDATE contact_point SET secrets_enc = '" + sealed + "' WHERE agency_code = '" + other + "'");
        assertThatThrownBy(() -> secretsOf(other)).isInstanceOf(IllegalStateException.class);
        execute("DELETE FROM contact_point WHERE agency_code = '" + other + "'");
    }

    @Test
    void secretsAnEarlierVersionStoredInClearAreEncryptedAtStartUp() throws Exception {
        String agency = "CA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String secret = WebhookSignature.newSecret();
        execute("INSERT INTO contact_point (agency_code, webhook_url, secrets, created_at, updated_at) VALUES ('"
                + agency + "', 'http://127.0.0.1:8089/hooks/x', ARRAY['" + secret + "'], now(), now())");

        signingSecrets.encryptLegacy(null);

        assertThat(text("SELECT cardinality(secrets) FROM contact_point WHERE agency_code = '" + agency + "'"))
                .isEqualTo("0");
        assertThat(text("SELECT secrets_enc FROM contact_point WHERE agency_code = '" + agency + "'"))
                .startsWith("v2.test2:");
        assertThat(secretsOf(agency)).containsExactly(secret);
    }

    private List<String> secretsOf(String agency) {
        return QuarkusTransaction.requiringNew().call(() -> signingSecrets.of(em.find(ContactPoint.class, agency)));
    }

    private String text(String sql) throws Exception {
        return Sql.text(dataSource, sql);
    }

    private void execute(String sql) throws Exception {
        Sql.execute(dataSource, sql);
    }
}
