package vn.childsafe.routing.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;

/**
 * When a routing rule applies, as data: every non-empty criterion must hold (an empty set means "any").
 * Shaped so that a rule set can be stored and loaded as JSON later without code changes.
 *
 * @param urgencyIn      the report's urgency is one of these (empty: any)
 * @param categoryIn     the report's category is one of these (empty: any)
 * @param schoolContext  the report must come from a school setting (see {@link ReportFacts#schoolContext()})
 */
public record RuleCondition(Set<Urgency> urgencyIn, Set<Category> categoryIn, boolean schoolContext) {

    public RuleCondition {
        urgencyIn = urgencyIn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(urgencyIn));
        categoryIn = categoryIn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categoryIn));
    }

    /** Matches every report: the catch-all that ends a rule set. */
    public static RuleCondition always() {
        return new RuleCondition(Set.of(), Set.of(), false);
    }

    public static RuleCondition urgencyIn(Urgency... urgencies) {
        return new RuleCondition(Set.of(urgencies), Set.of(), false);
    }

    public static RuleCondition categoryIn(Category... categories) {
        return new RuleCondition(Set.of(), Set.of(categories), false);
    }

    /** This condition, further restricted to reports from a school setting. */
    public RuleCondition inSchoolContext() {
        return new RuleCondition(urgencyIn, categoryIn, true);
    }

    /** Whether the condition holds for nothing in particular, i.e. for every report. */
    public boolean isCatchAll() {
        return urgencyIn.isEmpty() && categoryIn.isEmpty() && !schoolContext;
    }

    public boolean matches(ReportFacts facts) {
        return (urgencyIn.isEmpty() || urgencyIn.contains(facts.urgency()))
                && (categoryIn.isEmpty() || categoryIn.contains(facts.category()))
                && (!schoolContext || facts.schoolContext());
    }

    /** The condition in words, for the case's explanation. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!urgencyIn.isEmpty()) {
            parts.add("urgency " + names(urgencyIn));
        }
        if (!categoryIn.isEmpty()) {
            parts.add("category " + names(categoryIn));
        }
        if (schoolContext) {
            parts.add("school context (victim's school known, source SCHOOL or reporter TEACHER)");
        }
        return parts.isEmpty() ? "any report" : String.join(" and ", parts);
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }
}
