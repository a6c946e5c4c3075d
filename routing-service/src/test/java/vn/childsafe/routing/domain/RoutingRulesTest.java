package vn.childsafe.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.childsafe.routing.domain.AgencyType.CHILD_PROTECTION_PROVINCE;
import static vn.childsafe.routing.domain.AgencyType.COMMUNE_COMMITTEE;
import static vn.childsafe.routing.domain.AgencyType.EDUCATION_PROVINCE;
import static vn.childsafe.routing.domain.AgencyType.INFORMATION_PROVINCE;
import static vn.childsafe.routing.domain.AgencyType.POLICE_COMMUNE;
import static vn.childsafe.routing.domain.AgencyType.POLICE_PROVINCE;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.ReporterRelationship;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;

class RoutingRulesTest {

    private final RoutingRules rules = RoutingRules.defaults();

    /** A NORMAL web report by a parent, no victim, no content: only the category decides. */
    private static ReportFacts facts(Category category) {
        return facts(category, Urgency.NORMAL, SourceChannel.WEB, ReporterRelationship.PARENT);
    }

    /** A report with no victim and no content. */
    private static ReportFacts facts(
            Category category, Urgency urgency, SourceChannel channel, ReporterRelationship relationship) {
        return new ReportFacts(category, urgency, channel, relationship, false, false, List.of());
    }

    private static ReportFacts with(ReportFacts f, Urgency urgency) {
        return new ReportFacts(
                f.category(),
                urgency,
                f.sourceChannel(),
                f.reporterRelationship(),
                f.victimGiven(),
                f.victimSchoolGiven(),
                f.contentUrls());
    }

    private static ReportFacts withVictim(ReportFacts f, boolean schoolGiven) {
        return new ReportFacts(
                f.category(),
                f.urgency(),
                f.sourceChannel(),
                f.reporterRelationship(),
                true,
                schoolGiven,
                f.contentUrls());
    }

    private static ReportFacts withUrls(ReportFacts f, String... urls) {
        return new ReportFacts(
                f.category(),
                f.urgency(),
                f.sourceChannel(),
                f.reporterRelationship(),
                f.victimGiven(),
                f.victimSchoolGiven(),
                List.of(urls));
    }

    /** A rule that assigns a lead and no supports. */
    private static RoutingRule leadOnly(String id, RuleCondition when, AgencyType lead, Duration ackWithin) {
        return new RoutingRule(id, when, lead, List.of(), ackWithin);
    }

    @Test
    void defaultRuleSetIsVersionDefault3() {
        assertThat(rules.ruleSet().version()).isEqualTo("default-3");
        assertThat(rules.ruleSet().rules())
                .extracting(RoutingRule::id)
                .containsExactly("R1", "R2", "R3", "R4", "R5", "R6");
    }

    @Test
    void r1ImmediateDangerGoesToCommunePoliceWithin15MinutesWhateverTheCategory() {
        RoutingDecision d = rules.decide(with(facts(Category.SCAM), Urgency.IMMEDIATE_DANGER));
        assertThat(d.ruleId()).isEqualTo("R1");
        assertThat(d.lead()).isEqualTo(POLICE_COMMUNE);
        assertThat(d.supports()).containsExactly(POLICE_PROVINCE, CHILD_PROTECTION_PROVINCE);
        assertThat(d.ackWithin()).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"CSAM", "SEXTORTION", "GROOMING", "TRAFFICKING"})
    void r2SexualAbuseAndTraffickingGoToProvincialPoliceWithin1Hour(Category category) {
        RoutingDecision d = rules.decide(facts(category));
        assertThat(d.ruleId()).isEqualTo("R2");
        assertThat(d.lead()).isEqualTo(POLICE_PROVINCE);
        assertThat(d.supports()).containsExactly(CHILD_PROTECTION_PROVINCE, INFORMATION_PROVINCE);
        assertThat(d.ackWithin()).isEqualTo(Duration.ofHours(1));
        assertThat(d.ruleSetVersion()).isEqualTo("default-3");
    }

    @Test
    void anUnverifiedImmediateDangerFromThePublicPageIsRoutedAsHighAndTheLiaisonConfirmsIt() {
        ReportFacts page =
                facts(Category.GROOMING, Urgency.IMMEDIATE_DANGER, SourceChannel.WEB_PUBLIC, ReporterRelationship.SELF);
        RoutingDecision d = rules.decide(page);
        assertThat(d.urgency()).isEqualTo(Urgency.HIGH);
        assertThat(d.ruleId()).isEqualTo("R2");
        assertThat(d.lead()).isEqualTo(POLICE_PROVINCE);
        assertThat(d.ackWithin()).isEqualTo(Duration.ofMinutes(30));
        assertThat(d.liaisonRequired()).isTrue();
        assertThat(d.explanation())
                .contains("unverified channel WEB_PUBLIC: reported as IMMEDIATE_DANGER, routed as "
                        + "HIGH until the 111 liaison confirms it")
                .anySatisfy(line -> assertThat(line)
                        .startsWith("111 liaison alerted: to confirm the unverified " + "IMMEDIATE_DANGER"));

        // The same report from the 111 hotline is trusted; a page report at HIGH or NORMAL is not changed.
        ReportFacts hotline = facts(
                Category.GROOMING, Urgency.IMMEDIATE_DANGER, SourceChannel.HOTLINE_111, ReporterRelationship.SELF);
        assertThat(rules.decide(hotline).urgency()).isEqualTo(Urgency.IMMEDIATE_DANGER);
        assertThat(rules.decide(hotline).ruleId()).isEqualTo("R1");
        RoutingDecision normal = rules.decide(page.withUrgency(Urgency.NORMAL));
        assertThat(normal.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(normal.liaisonRequired()).isFalse();
        assertThat(normal.explanation()).noneSatisfy(line -> assertThat(line).contains("unverified"));
    }

    @Test
    void aRuleSetWithoutUnverifiedChannelsTrustsThePublicPage() {
        RuleSet shipped = RoutingRules.defaultRuleSet();
        RoutingPolicies p = shipped.policies();
        RoutingRules trusting = new RoutingRules(new RuleSet(
                "trusting",
                shipped.rules(),
                new RoutingPolicies(
                        p.liaisonWhenVictimGiven(),
                        p.liaisonUrgencies(),
                        p.takedownCategories(),
                        p.halvedDeadlineUrgencies(),
                        p.minimumHalvedDeadline())));
        RoutingDecision d = trusting.decide(facts(
                Category.GROOMING, Urgency.IMMEDIATE_DANGER, SourceChannel.WEB_PUBLIC, ReporterRelationship.SELF));
        assertThat(d.urgency()).isEqualTo(Urgency.IMMEDIATE_DANGER);
        assertThat(d.ruleId()).isEqualTo("R1");
        assertThatThrownBy(() -> new RoutingPolicies(
                        true, Set.of(), Set.of(), Set.of(), Duration.ZERO, Set.of(SourceChannel.WEB_PUBLIC), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void r3CyberbullyingInASchoolSettingGoesToEducation() {
        ReportFacts schoolKnown = withVictim(facts(Category.CYBERBULLYING), true);
        ReportFacts fromSchool =
                facts(Category.CYBERBULLYING, Urgency.NORMAL, SourceChannel.SCHOOL, ReporterRelationship.OTHER);
        ReportFacts byTeacher =
                facts(Category.CYBERBULLYING, Urgency.NORMAL, SourceChannel.WEB, ReporterRelationship.TEACHER);
        for (ReportFacts f : List.of(schoolKnown, fromSchool, byTeacher)) {
            RoutingDecision d = rules.decide(f);
            assertThat(d.ruleId()).isEqualTo("R3");
            assertThat(d.lead()).isEqualTo(EDUCATION_PROVINCE);
            assertThat(d.supports()).containsExactly(CHILD_PROTECTION_PROVINCE, COMMUNE_COMMITTEE);
            assertThat(d.ackWithin()).isEqualTo(Duration.ofHours(24));
        }
    }

    @Test
    void r4HarmfulContentGoesToInformationWithChildProtectionOnlyIfAVictimIsGiven() {
        for (Category category : List.of(Category.HARMFUL_CONTENT, Category.PRIVACY_VIOLATION)) {
            RoutingDecision noVictim = rules.decide(facts(category));
            assertThat(noVictim.ruleId()).isEqualTo("R4");
            assertThat(noVictim.lead()).isEqualTo(INFORMATION_PROVINCE);
            assertThat(noVictim.supports()).isEmpty();
            assertThat(noVictim.ackWithin()).isEqualTo(Duration.ofHours(24));
            assertThat(noVictim.explanation())
                    .contains("support CHILD_PROTECTION_PROVINCE not assigned: only when a victim is given");

            RoutingDecision victim = rules.decide(withVictim(facts(category), false));
            assertThat(victim.ruleId()).isEqualTo("R4");
            assertThat(victim.supports()).containsExactly(CHILD_PROTECTION_PROVINCE);
        }
    }

    @Test
    void r5ScamGoesToProvincialPoliceWithInformation() {
        RoutingDecision d = rules.decide(facts(Category.SCAM));
        assertThat(d.ruleId()).isEqualTo("R5");
        assertThat(d.lead()).isEqualTo(POLICE_PROVINCE);
        assertThat(d.supports()).containsExactly(INFORMATION_PROVINCE);
        assertThat(d.ackWithin()).isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"CYBERBULLYING", "SELF_HARM", "OTHER"})
    void r6EverythingElseGoesToChildProtection(Category category) {
        RoutingDecision d = rules.decide(facts(category));
        assertThat(d.ruleId()).isEqualTo("R6");
        assertThat(d.lead()).isEqualTo(CHILD_PROTECTION_PROVINCE);
        assertThat(d.supports()).containsExactly(COMMUNE_COMMITTEE);
        assertThat(d.ackWithin()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void firstMatchWinsImmediateDangerBeforeCategory() {
        RoutingDecision d = rules.decide(with(facts(Category.CSAM), Urgency.IMMEDIATE_DANGER));
        assertThat(d.ruleId()).isEqualTo("R1");
    }

    @Test
    void liaisonIsAlertedForAVictimOrHighOrImmediateUrgencyOnly() {
        assertThat(rules.decide(facts(Category.OTHER)).liaisonRequired()).isFalse();
        assertThat(rules.decide(withVictim(facts(Category.OTHER), false)).liaisonRequired())
                .isTrue();
        assertThat(rules.decide(with(facts(Category.OTHER), Urgency.HIGH)).liaisonRequired())
                .isTrue();
        RoutingDecision immediate = rules.decide(with(facts(Category.OTHER), Urgency.IMMEDIATE_DANGER));
        assertThat(immediate.liaisonRequired()).isTrue();
        assertThat(immediate.explanation()).contains("111 liaison alerted: urgency IMMEDIATE_DANGER");
    }

    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"CSAM", "SEXTORTION", "GROOMING", "HARMFUL_CONTENT", "PRIVACY_VIOLATION", "CYBERBULLYING"})
    void takedownIsRequestedForEveryContentUrlOfTakedownCategories(Category category) {
        RoutingDecision d = rules.decide(withUrls(facts(category), "https://a.example/1", "https://b.example/2"));
        assertThat(d.takedownRequired()).isTrue();
        assertThat(d.takedownUrls()).containsExactly("https://a.example/1", "https://b.example/2");
    }

    @ParameterizedTest
    @EnumSource(
            value = Category.class,
            names = {"TRAFFICKING", "SELF_HARM", "SCAM", "OTHER"})
    void noTakedownForOtherCategories(Category category) {
        RoutingDecision d = rules.decide(withUrls(facts(category), "https://a.example/1"));
        assertThat(d.takedownRequired()).isFalse();
        assertThat(d.takedownUrls()).isEmpty();
    }

    @Test
    void noTakedownWithoutContentUrlsButTheExplanationSaysSo() {
        RoutingDecision d = rules.decide(facts(Category.CSAM));
        assertThat(d.takedownRequired()).isFalse();
        assertThat(d.explanation()).contains("category CSAM calls for takedown, but no content URL was given");
    }

    @Test
    void highUrgencyHalvesTheDeadline() {
        assertThat(rules.decide(with(facts(Category.CSAM), Urgency.HIGH)).ackWithin())
                .isEqualTo(Duration.ofMinutes(30));
        RoutingDecision r6 = rules.decide(with(facts(Category.OTHER), Urgency.HIGH));
        assertThat(r6.ackWithin()).isEqualTo(Duration.ofHours(12));
        assertThat(r6.explanation()).contains("urgency HIGH: acknowledgement deadline halved from 24 h to 12 h");
    }

    @Test
    void normalUrgencyKeepsTheRuleDeadline() {
        assertThat(rules.decide(facts(Category.CSAM)).ackWithin()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void halvingNeverGoesBelow15Minutes() {
        // The default rules never halve below 30 min, so check the floor on a rule set with shorter deadlines.
        RuleSet tight = new RuleSet(
                "test-floor",
                List.of(
                        leadOnly(
                                "T20",
                                RuleCondition.categoryIn(Category.CSAM),
                                POLICE_PROVINCE,
                                Duration.ofMinutes(20)),
                        leadOnly(
                                "T10",
                                RuleCondition.categoryIn(Category.SCAM),
                                POLICE_PROVINCE,
                                Duration.ofMinutes(10)),
                        leadOnly("T40", RuleCondition.always(), CHILD_PROTECTION_PROVINCE, Duration.ofMinutes(40))),
                RoutingRules.defaultRuleSet().policies());
        RoutingRules custom = new RoutingRules(tight);

        RoutingDecision floored = custom.decide(with(facts(Category.CSAM), Urgency.HIGH));
        assertThat(floored.ackWithin()).isEqualTo(Duration.ofMinutes(15));
        assertThat(floored.explanation()).anySatisfy(line -> assertThat(line).contains("never below 15 min"));
        // The floor never lengthens a deadline a rule already set below it.
        assertThat(custom.decide(with(facts(Category.SCAM), Urgency.HIGH)).ackWithin())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(custom.decide(with(facts(Category.OTHER), Urgency.HIGH)).ackWithin())
                .isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void explanationNamesTheRuleSetAndRule() {
        RoutingDecision d = rules.decide(facts(Category.CSAM));
        assertThat(d.explanation().get(0))
                .startsWith("rule R2 of rule set default-3 matched (category ")
                .endsWith("lead POLICE_PROVINCE");
    }

    @Test
    void aRuleSetMustEndWithACatchAll() {
        assertThatThrownBy(() -> new RuleSet(
                        "bad",
                        List.of(leadOnly(
                                "X", RuleCondition.categoryIn(Category.CSAM), POLICE_PROVINCE, Duration.ofHours(1))),
                        RoutingRules.defaultRuleSet().policies()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catch-all");
        assertThat(new RuleCondition(Set.of(), Set.of(), false).isCatchAll()).isTrue();
    }

    @Test
    void knownContentTakesTheListCategoryAtLeastHighUrgencyAndATakedown() {
        KnownContentMatch listed = new KnownContentMatch("national-1", "Bộ Công an", Category.CSAM, "SHA256", null);
        ReportFacts facts =
                withUrls(facts(Category.SCAM), "https://example.vn/v/1").withKnownContent(List.of(listed));
        assertThat(facts.category()).isEqualTo(Category.CSAM);
        assertThat(facts.urgency()).isEqualTo(Urgency.HIGH);
        RoutingDecision d = rules.decide(facts);
        assertThat(d.ruleId()).isEqualTo("R2");
        assertThat(d.takedownRequired()).isTrue();
        assertThat(d.takedownUrls()).containsExactly("https://example.vn/v/1");
        assertThat(d.explanation().get(0))
                .isEqualTo("content: sha256 on list national-1 (Bộ Công an, CSAM): category "
                        + "CSAM, urgency at least HIGH, takedown required");
        assertThat(d.explanation()).contains("takedown requested for 1 content URL(s): known content");

        // A list never lowers urgency, and a PDQ match says how near it was.
        KnownContentMatch near = new KnownContentMatch("hotline", "111", Category.OTHER, "PDQ", 9);
        ReportFacts urgent =
                with(facts(Category.GROOMING), Urgency.IMMEDIATE_DANGER).withKnownContent(List.of(near));
        assertThat(urgent.urgency()).isEqualTo(Urgency.IMMEDIATE_DANGER);
        assertThat(urgent.category()).isEqualTo(Category.OTHER);
        RoutingDecision u = rules.decide(urgent);
        assertThat(u.takedownRequired()).isFalse();
        assertThat(u.explanation()).contains("known content calls for takedown, but no content URL was given");
        assertThat(near.describe()).isEqualTo("PDQ at distance 9 on list hotline (111, OTHER)");
        assertThat(facts(Category.SCAM).withKnownContent(List.of())).isEqualTo(facts(Category.SCAM));
    }
}
