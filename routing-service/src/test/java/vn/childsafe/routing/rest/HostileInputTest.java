package vn.childsafe.routing.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.HostileInputTestBase;

/** This service under the hostile client of {@link HostileInputTestBase} (docs/security.md). */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest extends HostileInputTestBase {}
