package vn.childsafe.routing.domain;

import java.time.Duration;
import java.util.List;

import vn.childsafe.commons.domain.Urgency;

/**
 * What the rules decided for a report, before jurisdiction picks the actual units.
 *
 * @param ruleSetVersion   the rule set evaluated, e.g. {@code default-1}
 * @param ruleId           the rule that matched, e.g. {@code R2}
 * @param urgency          the urgency the case is routed at: the report's, capped for an unverified channel
 * @param lead             the lead unit's type (cơ quan chủ trì)
 * @param supports         the supporting units' types (cơ quan phối hợp) that apply to this report
 * @param ackWithin        the acknowledgement deadline after policies
 * @param liaisonRequired  whether the 111 hotline liaison must be alerted
 * @param takedownRequired whether takedown requests must be sent for {@code takedownUrls}
 * @param takedownUrls     the content URLs to take down (empty when no takedown)
 * @param explanation      why, one line per step
 */
public record RoutingDecision(
        String ruleSetVersion,
        String ruleId,
        Urgency urgency,
        AgencyType lead,
        List<AgencyType> supports,
        Duration ackWithin,
        boolean liaisonRequired,
        boolean takedownRequired,
        List<String> takedownUrls,
        List<String> explanation) {

    public RoutingDecision {
        supports = List.copyOf(supports);
        takedownUrls = List.copyOf(takedownUrls);
        explanation = List.copyOf(explanation);
    }
}
