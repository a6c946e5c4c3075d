package vn.childsafe.testsupport;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Every operation of a service's OpenAPI document under hostile input, with every role and no token: no 5xx, and
 * every 4xx a problem+json (docs/security.md). 1,000 requests by default; {@code -Dchildsafe.hostile.requests=N} for
 * a longer run. Each service's {@code HostileInputTest} extends this and names its {@code @QuarkusTest} resources.
 */
public abstract class HostileInputTestBase {

    @TestHTTPResource("/")
    private URI base;

    @Test
    public void noOperationAnswersA5xxOrA4xxWithoutAProblem() throws Exception {
        HostileInputs.assertNoViolations(base);
    }
}
