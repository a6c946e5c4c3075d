package vn.childsafe.routing.domain;

import java.time.Duration;
import java.util.Set;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;

/**
 * Policies applied on top of whichever rule matched (docs/routing-rules.md, section 2).
 *
 * @param liaisonWhenVictimGiven  alert the 111 liaison whenever a victim is given
 * @param liaisonUrgencies        alert the 111 liaison for these urgencies
 * @param takedownCategories      request takedown of every content URL for these categories
 * @param halvedDeadlineUrgencies halve the acknowledgement deadline for these urgencies ...
 * @param minimumHalvedDeadline   ... but never below this
 */
public record RoutingPolicies(boolean liaisonWhenVictimGiven, Set<Urgency> liaisonUrgencies,
        Set<Category> takedownCategories, Set<Urgency> halvedDeadlineUrgencies, Duration minimumHalvedDeadline) {

    public RoutingPolicies {
        liaisonUrgencies = Set.copyOf(liaisonUrgencies);
        takedownCategories = Set.copyOf(takedownCategories);
        halvedDeadlineUrgencies = Set.copyOf(halvedDeadlineUrgencies);
        if (minimumHalvedDeadline == null || minimumHalvedDeadline.isNegative()) {
            throw new IllegalArgumentException("the minimum deadline must be zero or positive");
        }
    }
}
