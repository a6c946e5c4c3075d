package vn.childsafe.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.routing.domain.ContentIdentity;
import vn.childsafe.routing.domain.RoutingRules;
import vn.childsafe.routing.domain.RuleSet;

/** The trust of channels as rule-set data: stored, read back, and refused when half given. */
class RuleSetDefinitionTest {

    @Test
    void theShippedDefaultKeepsThePublicPageUnverifiedThroughItsJsonForm() {
        RuleSetDefinition definition = RuleSetDefinition.of(RoutingRules.defaultRuleSet(), null);
        assertThat(definition.policies().unverifiedChannels()).containsExactly(SourceChannel.WEB_PUBLIC);
        assertThat(definition.policies().unverifiedUrgencyCap()).isEqualTo(Urgency.HIGH);

        RuleSet back = definition.toRuleSet(ContentIdentity.generic());
        assertThat(back.policies().routedUrgency(SourceChannel.WEB_PUBLIC, Urgency.IMMEDIATE_DANGER))
                .isEqualTo(Urgency.HIGH);
        assertThat(back.policies().routedUrgency(SourceChannel.HOTLINE_111, Urgency.IMMEDIATE_DANGER))
                .isEqualTo(Urgency.IMMEDIATE_DANGER);
    }

    @Test
    void unverifiedChannelsWithoutACapAreRefusedWithAPointer() {
        RuleSetDefinition halfGiven = shippedWithTrust("trust-1", Set.of(SourceChannel.WEB_PUBLIC), null);
        assertThatThrownBy(() -> halfGiven.toRuleSet(ContentIdentity.generic()))
                .isInstanceOfSatisfying(
                        RuleSetDefinition.InvalidRuleSetException.class,
                        e -> assertThat(e.errors())
                                .extracting(error -> error.pointer())
                                .containsExactly("/policies/unverifiedUrgencyCap"));

        RuleSetDefinition trusting = shippedWithTrust("trust-2", null, null);
        assertThat(trusting.toRuleSet(ContentIdentity.generic())
                        .policies()
                        .routedUrgency(SourceChannel.WEB_PUBLIC, Urgency.IMMEDIATE_DANGER))
                .isEqualTo(Urgency.IMMEDIATE_DANGER);
    }

    /** The shipped default's rules and policies under another version, with these channel-trust settings. */
    private static RuleSetDefinition shippedWithTrust(
            String version, Set<SourceChannel> unverifiedChannels, Urgency unverifiedUrgencyCap) {
        RuleSetDefinition shipped = RuleSetDefinition.of(RoutingRules.defaultRuleSet(), null);
        RuleSetDefinition.Policies p = shipped.policies();
        return new RuleSetDefinition(
                version,
                null,
                shipped.rules(),
                new RuleSetDefinition.Policies(
                        p.liaisonWhenVictimGiven(),
                        p.liaisonUrgencies(),
                        p.takedownCategories(),
                        p.halvedDeadlineUrgencies(),
                        p.minimumHalvedDeadline(),
                        unverifiedChannels,
                        unverifiedUrgencyCap),
                null);
    }
}
