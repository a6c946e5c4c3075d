package vn.childsafe.routing.domain;

import java.time.Duration;
import java.util.List;

/**
 * One routing rule: when it matches, who leads (cơ quan chủ trì), who supports (cơ quan phối hợp) and how soon
 * the assignment must be acknowledged.
 *
 * @param id        stable identifier recorded on every case it routes, e.g. {@code R2}
 * @param when      the condition
 * @param lead      the lead unit's type
 * @param supports  the supporting units' types, in order
 * @param ackWithin the acknowledgement deadline before policies adjust it
 */
public record RoutingRule(
        String id, RuleCondition when, AgencyType lead, List<SupportRule> supports, Duration ackWithin) {

    public RoutingRule {
        if (id == null || id.isBlank() || when == null || lead == null || ackWithin == null) {
            throw new IllegalArgumentException("a routing rule needs an id, a condition, a lead and a deadline");
        }
        if (ackWithin.isNegative() || ackWithin.isZero()) {
            throw new IllegalArgumentException("rule " + id + ": the acknowledgement deadline must be positive");
        }
        supports = List.copyOf(supports);
    }
}
