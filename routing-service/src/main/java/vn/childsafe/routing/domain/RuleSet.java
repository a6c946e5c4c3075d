package vn.childsafe.routing.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A versioned set of routing rules (bộ quy tắc điều phối), evaluated first match wins, and the policies on top.
 * Every case records the version and the rule that routed it.
 *
 * <p>It also says how content is recognised across reports ({@link ContentIdentity}).
 *
 * <p>A rule set must end with a catch-all rule, so that every report finds a lead unit: a report is never dropped
 * for want of a matching rule.
 */
public record RuleSet(
        String version, List<RoutingRule> rules, RoutingPolicies policies, ContentIdentity contentIdentity) {

    /** A rule set that recognises content by the generic URL rule and the default PDQ thresholds. */
    public RuleSet(String version, List<RoutingRule> rules, RoutingPolicies policies) {
        this(version, rules, policies, ContentIdentity.generic());
    }

    public RuleSet {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a rule set needs a version");
        }
        rules = List.copyOf(rules);
        if (rules.isEmpty() || !rules.get(rules.size() - 1).when().isCatchAll()) {
            throw new IllegalArgumentException("rule set " + version + " must end with a catch-all rule");
        }
        Set<String> ids = new HashSet<>();
        for (RoutingRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule set " + version + " has rule " + rule.id() + " twice");
            }
        }
        if (policies == null) {
            throw new IllegalArgumentException("rule set " + version + " needs policies");
        }
        if (contentIdentity == null) {
            throw new IllegalArgumentException("rule set " + version + " needs content identity rules");
        }
    }

    /** The first rule whose condition holds; the catch-all guarantees one. */
    public RoutingRule firstMatch(ReportFacts facts) {
        return rules.stream()
                .filter(rule -> rule.when().matches(facts))
                .findFirst()
                .orElseThrow();
    }
}
