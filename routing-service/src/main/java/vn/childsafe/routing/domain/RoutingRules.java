package vn.childsafe.routing.domain;

import static vn.childsafe.routing.domain.AgencyType.CHILD_PROTECTION_PROVINCE;
import static vn.childsafe.routing.domain.AgencyType.COMMUNE_COMMITTEE;
import static vn.childsafe.routing.domain.AgencyType.EDUCATION_PROVINCE;
import static vn.childsafe.routing.domain.AgencyType.INFORMATION_PROVINCE;
import static vn.childsafe.routing.domain.AgencyType.POLICE_COMMUNE;
import static vn.childsafe.routing.domain.AgencyType.POLICE_PROVINCE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;

/**
 * Evaluates a {@link RuleSet} for a report: the first matching rule picks the lead and supporting unit types
 * and the acknowledgement deadline; the policies add the 111 liaison, takedowns and deadline adjustments.
 * Every step is written into the decision's explanation.
 *
 * <p>{@link #defaultRuleSet()} is the table of docs/routing-rules.md (section 2), version {@value #DEFAULT_VERSION}, the set the service ships with.
 */
public final class RoutingRules {

    /** Version of the rule set shipped with the service. */
    public static final String DEFAULT_VERSION = "default-3";

    private static final RuleSet DEFAULT = new RuleSet(
            DEFAULT_VERSION,
            List.of(
                    new RoutingRule(
                            "R1",
                            RuleCondition.urgencyIn(Urgency.IMMEDIATE_DANGER),
                            POLICE_COMMUNE,
                            List.of(SupportRule.always(POLICE_PROVINCE), SupportRule.always(CHILD_PROTECTION_PROVINCE)),
                            Duration.ofMinutes(15)),
                    new RoutingRule(
                            "R2",
                            RuleCondition.categoryIn(
                                    Category.CSAM, Category.SEXTORTION, Category.GROOMING, Category.TRAFFICKING),
                            POLICE_PROVINCE,
                            List.of(
                                    SupportRule.always(CHILD_PROTECTION_PROVINCE),
                                    SupportRule.always(INFORMATION_PROVINCE)),
                            Duration.ofHours(1)),
                    new RoutingRule(
                            "R3",
                            RuleCondition.categoryIn(Category.CYBERBULLYING).inSchoolContext(),
                            EDUCATION_PROVINCE,
                            List.of(
                                    SupportRule.always(CHILD_PROTECTION_PROVINCE),
                                    SupportRule.always(COMMUNE_COMMITTEE)),
                            Duration.ofHours(24)),
                    new RoutingRule(
                            "R4",
                            RuleCondition.categoryIn(Category.HARMFUL_CONTENT, Category.PRIVACY_VIOLATION),
                            INFORMATION_PROVINCE,
                            List.of(SupportRule.ifVictimGiven(CHILD_PROTECTION_PROVINCE)),
                            Duration.ofHours(24)),
                    new RoutingRule(
                            "R5",
                            RuleCondition.categoryIn(Category.SCAM),
                            POLICE_PROVINCE,
                            List.of(SupportRule.always(INFORMATION_PROVINCE)),
                            Duration.ofHours(24)),
                    new RoutingRule(
                            "R6",
                            RuleCondition.always(),
                            CHILD_PROTECTION_PROVINCE,
                            List.of(SupportRule.always(COMMUNE_COMMITTEE)),
                            Duration.ofHours(24))),
            new RoutingPolicies(
                    true,
                    Set.of(Urgency.IMMEDIATE_DANGER, Urgency.HIGH),
                    Set.of(
                            Category.CSAM,
                            Category.SEXTORTION,
                            Category.GROOMING,
                            Category.HARMFUL_CONTENT,
                            Category.PRIVACY_VIOLATION,
                            Category.CYBERBULLYING),
                    Set.of(Urgency.HIGH),
                    Duration.ofMinutes(15),
                    Set.of(SourceChannel.WEB_PUBLIC),
                    Urgency.HIGH));

    private final RuleSet ruleSet;

    public RoutingRules(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** The rules of docs/routing-rules.md, section 2. */
    public static RoutingRules defaults() {
        return new RoutingRules(DEFAULT);
    }

    /** The rule set of docs/routing-rules.md (section 2), version {@value #DEFAULT_VERSION}. */
    public static RuleSet defaultRuleSet() {
        return DEFAULT;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** Decides which unit types must act on a report, and why. */
    public RoutingDecision decide(ReportFacts reported) {
        RoutingPolicies policies = ruleSet.policies();
        List<String> why = new ArrayList<>();
        reported.knownContent()
                .forEach(match -> why.add("content: " + match.describe() + ": category " + match.category()
                        + ", urgency at least " + ReportFacts.KNOWN_CONTENT_URGENCY + ", takedown required"));
        Urgency claimed = reported.urgency();
        ReportFacts facts = reported.withUrgency(policies.routedUrgency(reported.sourceChannel(), claimed));
        boolean unconfirmed = facts.urgency() != claimed;
        if (unconfirmed) {
            why.add("unverified channel " + reported.sourceChannel() + ": reported as " + claimed + ", routed as "
                    + facts.urgency() + " until the 111 liaison confirms it");
        }
        RoutingRule rule = ruleSet.firstMatch(facts);
        why.add("rule " + rule.id() + " of rule set " + ruleSet.version() + " matched ("
                + rule.when().describe() + "): lead " + rule.lead());

        List<AgencyType> supports = new ArrayList<>();
        for (SupportRule support : rule.supports()) {
            if (support.appliesTo(facts)) {
                supports.add(support.type());
            } else {
                why.add("support " + support.type() + " not assigned: only when a victim is given");
            }
        }
        if (!supports.isEmpty()) {
            why.add("support " + supports.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }

        Duration ackWithin = rule.ackWithin();
        if (policies.halvedDeadlineUrgencies().contains(facts.urgency())) {
            Duration halved = ackWithin.dividedBy(2);
            // The floor never lengthens a deadline that a rule already set below it.
            Duration floor = min(policies.minimumHalvedDeadline(), ackWithin);
            Duration adjusted = halved.compareTo(floor) < 0 ? floor : halved;
            why.add("urgency " + facts.urgency() + ": acknowledgement deadline halved from " + format(ackWithin)
                    + " to " + format(adjusted)
                    + (adjusted.equals(halved)
                            ? ""
                            : " (never below " + format(policies.minimumHalvedDeadline()) + ")"));
            ackWithin = adjusted;
        } else {
            why.add("acknowledgement within " + format(ackWithin));
        }

        List<String> liaisonReasons = new ArrayList<>();
        if (unconfirmed) {
            liaisonReasons.add("to confirm the unverified " + claimed);
        }
        if (policies.liaisonWhenVictimGiven() && facts.victimGiven()) {
            liaisonReasons.add("a victim is given");
        }
        if (policies.liaisonUrgencies().contains(facts.urgency())) {
            liaisonReasons.add("urgency " + facts.urgency());
        }
        boolean liaison = !liaisonReasons.isEmpty();
        if (liaison) {
            why.add("111 liaison alerted: " + String.join(", ", liaisonReasons));
        }

        boolean known = !facts.knownContent().isEmpty();
        boolean takedownCategory = known || policies.takedownCategories().contains(facts.category());
        boolean takedown = takedownCategory && !facts.contentUrls().isEmpty();
        String takedownReason = known ? "known content" : "category " + facts.category();
        if (takedown) {
            why.add("takedown requested for " + facts.contentUrls().size() + " content URL(s): " + takedownReason);
        } else if (takedownCategory) {
            why.add(takedownReason + " calls for takedown, but no content URL was given");
        }

        return new RoutingDecision(
                ruleSet.version(),
                rule.id(),
                facts.urgency(),
                rule.lead(),
                supports,
                ackWithin,
                liaison,
                takedown,
                takedown ? facts.contentUrls() : List.of(),
                why);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** "15 min", "1 h", "1 h 30 min": deadlines as a unit officer reads them. */
    static String format(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        long seconds = duration.toSecondsPart();
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append(" h");
        }
        if (minutes > 0) {
            text.append(text.isEmpty() ? "" : " ").append(minutes).append(" min");
        }
        if (seconds > 0 || text.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append(seconds).append(" s");
        }
        return text.toString();
    }
}
