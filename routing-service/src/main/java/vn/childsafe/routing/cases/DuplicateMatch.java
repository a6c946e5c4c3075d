package vn.childsafe.routing.cases;

import java.util.UUID;

/**
 * An open case holding the same content as a new report, and why it is the same (docs/routing-rules.md, section 7).
 *
 * @param caseId    the open case
 * @param matchedBy e.g. "canonical URL youtube.com/watch?v=… (rule youtube)", "sha256", "PDQ distance 12"
 */
public record DuplicateMatch(UUID caseId, String matchedBy) {}
