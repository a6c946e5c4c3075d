package vn.childsafe.routing.rest;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.HostileInputs;

/**
 * Every operation of this service's OpenAPI document under hostile input, with every role and no token: no 5xx,
 * and every 4xx a problem+json (docs/security.md). 1,000 requests by default;
 * {@code -Dchildsafe.hostile.requests=N} for a longer run.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void noOperationAnswersA5xxOrA4xxWithoutAProblem() throws Exception {
        HostileInputs.assertNoViolations(base);
    }
}
