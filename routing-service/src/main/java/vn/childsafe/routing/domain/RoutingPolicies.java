package vn.childsafe.routing.domain;

import java.time.Duration;
import java.util.Set;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;

/**
 * Policies applied on top of whichever rule matched (docs/routing-rules.md, section 2).
 *
 * @param liaisonWhenVictimGiven  alert the 111 liaison whenever a victim is given
 * @param liaisonUrgencies        alert the 111 liaison for these urgencies
 * @param takedownCategories      request takedown of every content URL for these categories
 * @param halvedDeadlineUrgencies halve the acknowledgement deadline for these urgencies ...
 * @param minimumHalvedDeadline   ... but never below this
 * @param unverifiedChannels      channels whose reports nobody has verified (the public page, WEB_PUBLIC) ...
 * @param unverifiedUrgencyCap    ... are routed at most this urgent, and the 111 liaison is alerted to confirm a
 *                                higher urgency; {@code null} when no channel is unverified
 */
public record RoutingPolicies(
        boolean liaisonWhenVictimGiven,
        Set<Urgency> liaisonUrgencies,
        Set<Category> takedownCategories,
        Set<Urgency> halvedDeadlineUrgencies,
        Duration minimumHalvedDeadline,
        Set<SourceChannel> unverifiedChannels,
        Urgency unverifiedUrgencyCap) {

    public RoutingPolicies {
        liaisonUrgencies = Set.copyOf(liaisonUrgencies);
        takedownCategories = Set.copyOf(takedownCategories);
        halvedDeadlineUrgencies = Set.copyOf(halvedDeadlineUrgencies);
        unverifiedChannels = Set.copyOf(unverifiedChannels);
        if (minimumHalvedDeadline == null || minimumHalvedDeadline.isNegative()) {
            throw new IllegalArgumentException("the minimum deadline must be zero or positive");
        }
        if (!unverifiedChannels.isEmpty() && unverifiedUrgencyCap == null) {
            throw new IllegalArgumentException("unverified channels need an urgency cap");
        }
    }

    /** Policies that trust every channel. */
    public RoutingPolicies(
            boolean liaisonWhenVictimGiven,
            Set<Urgency> liaisonUrgencies,
            Set<Category> takedownCategories,
            Set<Urgency> halvedDeadlineUrgencies,
            Duration minimumHalvedDeadline) {
        this(
                liaisonWhenVictimGiven,
                liaisonUrgencies,
                takedownCategories,
                halvedDeadlineUrgencies,
                minimumHalvedDeadline,
                Set.of(),
                null);
    }

    /**
     * The urgency a report is routed at: what it claims, but no more than {@link #unverifiedUrgencyCap} when it
     * came through an unverified channel.
     */
    public Urgency routedUrgency(SourceChannel channel, Urgency claimed) {
        boolean unverified = channel != null && unverifiedChannels.contains(channel);
        return unverified && claimed.isHigherThan(unverifiedUrgencyCap) ? unverifiedUrgencyCap : claimed;
    }
}
