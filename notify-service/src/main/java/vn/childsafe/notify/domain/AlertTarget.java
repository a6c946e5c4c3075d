package vn.childsafe.notify.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One agency to alert about a case, and why.
 *
 * @param agencyCode   the agency (its contact point is looked up by this code)
 * @param role         lead, support or the 111 liaison
 * @param assignmentId the routing assignment the agency must acknowledge; {@code null} for the liaison
 * @param ackDeadline  when the assignment must be acknowledged (hạn tiếp nhận); {@code null} for the liaison
 */
public record AlertTarget(String agencyCode, TargetRole role, UUID assignmentId, Instant ackDeadline) {}
