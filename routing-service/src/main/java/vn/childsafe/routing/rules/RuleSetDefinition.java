package vn.childsafe.routing.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.problem.Problem;
import vn.childsafe.routing.domain.AgencyType;
import vn.childsafe.routing.domain.ContentIdentity;
import vn.childsafe.routing.domain.Pdq;
import vn.childsafe.routing.domain.RoutingPolicies;
import vn.childsafe.routing.domain.RoutingRule;
import vn.childsafe.routing.domain.RuleCondition;
import vn.childsafe.routing.domain.RuleSet;
import vn.childsafe.routing.domain.SupportRule;
import vn.childsafe.routing.domain.UrlIdentityRules;

/**
 * A rule set as JSON data: what admins POST, what is stored, what {@link RuleSet} is built from. Durations are
 * ISO-8601 ({@code PT15M}, {@code PT1H}, {@code PT24H}).
 */
@Schema(name = "RuleSetDefinition")
public record RuleSetDefinition(
        @Schema(description = "Version name, unique, e.g. default-3", examples = "default-3")
        String version,

        @Schema(description = "What changed and why") String description,

        @Schema(description = "Evaluated in order, first match wins; the last must match every report")
        List<Rule> rules,

        Policies policies,

        @Schema(
                description = "How the same content is recognised across reports (docs/routing-rules.md, section 7); "
                        + "when absent, the platform rules shipped with the service and the default PDQ thresholds")
        ContentIdentityDefinition contentIdentity) {

    /** One rule. Empty sets mean "any". */
    @Schema(name = "RuleDefinition")
    public record Rule(
            String id,
            Set<Urgency> urgencyIn,
            Set<Category> categoryIn,
            Boolean schoolContext,
            AgencyType lead,
            List<Support> supports,

            @Schema(description = "ISO-8601 duration", examples = "PT1H")
            String ackWithin) {}

    /** A supporting unit type and when it is assigned. */
    @Schema(name = "SupportDefinition")
    public record Support(AgencyType type, SupportRule.When when) {}

    /** The policies on top of the first match (docs/routing-rules.md, section 2). */
    @Schema(name = "PoliciesDefinition")
    public record Policies(
            Boolean liaisonWhenVictimGiven,
            Set<Urgency> liaisonUrgencies,
            Set<Category> takedownCategories,
            Set<Urgency> halvedDeadlineUrgencies,
            @Schema(examples = "PT15M") String minimumHalvedDeadline,

            @Schema(
                    description = "Channels whose reports nobody has verified, e.g. WEB_PUBLIC (the public page); "
                            + "absent or empty: every channel is trusted")
            Set<SourceChannel> unverifiedChannels,

            @Schema(
                    description = "The highest urgency a report from an unverified channel is routed at; a "
                            + "higher one alerts the 111 liaison to confirm it. Required with unverifiedChannels",
                    examples = "HIGH")
            Urgency unverifiedUrgencyCap) {}

    /** URL canonicalisation per platform and the PDQ thresholds. */
    @Schema(name = "ContentIdentityDefinition")
    public record ContentIdentityDefinition(
            @Schema(description = "Per-platform URL rules, tried in order; unknown hosts get the generic rule")
            List<UrlIdentityRules.PlatformRule> platforms,

            @Schema(
                    description = "PDQ hashes at most this many bits apart are the same picture (0-47)",
                    examples = "31")
            Integer pdqMaxDistance,

            @Schema(description = "PDQ hashes of lower quality are stored but never matched (0-100)", examples = "50")
            Integer pdqMinQuality) {

        /** The domain form, or what is wrong with it as JSON Pointers below {@code /contentIdentity}. */
        public ContentIdentity toContentIdentity(List<Problem.FieldError> errors) {
            int before = errors.size();
            UrlIdentityRules urls = new UrlIdentityRules(platforms);
            for (String problem : urls.problems()) {
                int colon = problem.indexOf(": ");
                errors.add(
                        colon < 0
                                ? new Problem.FieldError("/contentIdentity/platforms", problem)
                                : new Problem.FieldError(
                                        "/contentIdentity" + problem.substring(0, colon),
                                        problem.substring(colon + 2)));
            }
            int distance = pdqMaxDistance == null ? ContentIdentity.DEFAULT_PDQ_MAX_DISTANCE : pdqMaxDistance;
            if (distance < 0 || distance > Pdq.MAX_DISTANCE) {
                errors.add(new Problem.FieldError("/contentIdentity/pdqMaxDistance", "0-" + Pdq.MAX_DISTANCE));
            }
            int quality = pdqMinQuality == null ? ContentIdentity.DEFAULT_PDQ_MIN_QUALITY : pdqMinQuality;
            if (quality < 0 || quality > 100) {
                errors.add(new Problem.FieldError("/contentIdentity/pdqMinQuality", "0-100"));
            }
            return errors.size() == before ? new ContentIdentity(urls, distance, quality) : null;
        }

        static ContentIdentityDefinition of(ContentIdentity identity) {
            return new ContentIdentityDefinition(
                    identity.urls().platforms(), identity.pdqMaxDistance(), identity.pdqMinQuality());
        }
    }

    /** The definition of a domain rule set. */
    public static RuleSetDefinition of(RuleSet set, String description) {
        List<Rule> rules = set.rules().stream()
                .map(r -> new Rule(
                        r.id(),
                        r.when().urgencyIn(),
                        r.when().categoryIn(),
                        r.when().schoolContext(),
                        r.lead(),
                        r.supports().stream()
                                .map(s -> new Support(s.type(), s.when()))
                                .toList(),
                        r.ackWithin().toString()))
                .toList();
        RoutingPolicies p = set.policies();
        return new RuleSetDefinition(
                set.version(),
                description,
                rules,
                new Policies(
                        p.liaisonWhenVictimGiven(),
                        p.liaisonUrgencies(),
                        p.takedownCategories(),
                        p.halvedDeadlineUrgencies(),
                        p.minimumHalvedDeadline().toString(),
                        p.unverifiedChannels(),
                        p.unverifiedUrgencyCap()),
                ContentIdentityDefinition.of(set.contentIdentity()));
    }

    /**
     * Builds the domain rule set, or lists what is wrong with JSON Pointers into this definition.
     *
     * @param shippedIdentity the content identity of a definition that has none
     * @throws InvalidRuleSetException with every problem found
     */
    public RuleSet toRuleSet(ContentIdentity shippedIdentity) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (version == null || !version.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,49}")) {
            errors.add(new Problem.FieldError("/version", "1..50 letters, digits, '.', '_' or '-'"));
        }
        List<RoutingRule> built = new ArrayList<>();
        if (rules == null || rules.isEmpty()) {
            errors.add(new Problem.FieldError("/rules", "at least one rule is required"));
        } else {
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                String at = "/rules/" + i;
                if (r == null) {
                    errors.add(new Problem.FieldError(at, "must be a rule"));
                    continue;
                }
                int before = errors.size();
                if (r.id() == null || r.id().isBlank() || r.id().length() > 50) {
                    errors.add(new Problem.FieldError(at + "/id", "required, at most 50 characters"));
                }
                if (r.lead() == null) {
                    errors.add(new Problem.FieldError(at + "/lead", "required: an agency type"));
                }
                Duration ack = duration(r.ackWithin(), at + "/ackWithin", errors);
                List<SupportRule> supports = new ArrayList<>();
                if (r.supports() != null) {
                    for (int j = 0; j < r.supports().size(); j++) {
                        Support s = r.supports().get(j);
                        if (s == null || s.type() == null) {
                            errors.add(new Problem.FieldError(at + "/supports/" + j + "/type", "required"));
                        } else {
                            supports.add(
                                    new SupportRule(s.type(), s.when() == null ? SupportRule.When.ALWAYS : s.when()));
                        }
                    }
                }
                if (errors.size() == before) {
                    RuleCondition when = new RuleCondition(
                            r.urgencyIn() == null ? Set.of() : r.urgencyIn(),
                            r.categoryIn() == null ? Set.of() : r.categoryIn(),
                            Boolean.TRUE.equals(r.schoolContext()));
                    built.add(new RoutingRule(r.id().trim(), when, r.lead(), supports, ack));
                }
            }
            Rule last = rules.get(rules.size() - 1);
            if (last != null
                    && ((last.urgencyIn() != null && !last.urgencyIn().isEmpty())
                            || (last.categoryIn() != null && !last.categoryIn().isEmpty())
                            || Boolean.TRUE.equals(last.schoolContext()))) {
                errors.add(new Problem.FieldError(
                        "/rules/" + (rules.size() - 1),
                        "the last rule must match every report (no conditions): no report may be left unrouted"));
            }
            List<String> ids = rules.stream()
                    .filter(r -> r != null && r.id() != null)
                    .map(Rule::id)
                    .toList();
            for (int i = 0; i < ids.size(); i++) {
                if (ids.indexOf(ids.get(i)) != i) {
                    errors.add(new Problem.FieldError("/rules/" + i + "/id", "rule id " + ids.get(i) + " twice"));
                }
            }
        }
        RoutingPolicies builtPolicies = null;
        if (policies == null) {
            errors.add(new Problem.FieldError("/policies", "required"));
        } else {
            Duration minimum = duration(
                    policies.minimumHalvedDeadline() == null ? "PT0S" : policies.minimumHalvedDeadline(),
                    "/policies/minimumHalvedDeadline",
                    errors);
            Set<SourceChannel> unverified = orEmpty(policies.unverifiedChannels());
            boolean capMissing = !unverified.isEmpty() && policies.unverifiedUrgencyCap() == null;
            if (capMissing) {
                errors.add(new Problem.FieldError(
                        "/policies/unverifiedUrgencyCap",
                        "required when unverifiedChannels are given: the highest urgency they are routed at"));
            }
            if (minimum != null && !capMissing) {
                builtPolicies = new RoutingPolicies(
                        Boolean.TRUE.equals(policies.liaisonWhenVictimGiven()),
                        orEmpty(policies.liaisonUrgencies()),
                        orEmpty(policies.takedownCategories()),
                        orEmpty(policies.halvedDeadlineUrgencies()),
                        minimum,
                        unverified,
                        unverified.isEmpty() ? null : policies.unverifiedUrgencyCap());
            }
        }
        ContentIdentity identity =
                contentIdentity == null ? shippedIdentity : contentIdentity.toContentIdentity(errors);
        if (!errors.isEmpty()) {
            throw new InvalidRuleSetException(errors);
        }
        return new RuleSet(version, built, builtPolicies, identity);
    }

    private static <T> Set<T> orEmpty(Set<T> set) {
        return set == null ? Set.of() : set;
    }

    private static Duration duration(String text, String pointer, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new Problem.FieldError(pointer, "required: an ISO-8601 duration such as PT1H"));
            return null;
        }
        try {
            Duration d = Duration.parse(text.trim());
            if (d.isNegative() || (d.isZero() && !pointer.endsWith("minimumHalvedDeadline"))) {
                errors.add(new Problem.FieldError(pointer, "must be positive"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(pointer, "not an ISO-8601 duration such as PT1H"));
            return null;
        }
    }

    /** A definition that cannot become a rule set. */
    public static class InvalidRuleSetException extends RuntimeException {
        private final List<Problem.FieldError> errors;

        public InvalidRuleSetException(List<Problem.FieldError> errors) {
            super(errors.size() + " problem(s) in the rule set");
            this.errors = List.copyOf(errors);
        }

        public List<Problem.FieldError> errors() {
            return errors;
        }
    }
}
