package vn.childsafe.routing.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.ReporterRelationship;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.ReportReceived;

/**
 * The facts about a report that routing rules look at. No identity: whether a victim and their school are known,
 * never who they are.
 *
 * @param contentUrls  the distinct non-blank content URLs, in the order reported
 * @param knownContent where the report's content is on a known-content hash list; the category and urgency
 *                     already reflect it (see {@link #withKnownContent(List)})
 */
public record ReportFacts(
        Category category,
        Urgency urgency,
        SourceChannel sourceChannel,
        ReporterRelationship reporterRelationship,
        boolean victimGiven,
        boolean victimSchoolGiven,
        List<String> contentUrls,
        List<KnownContentMatch> knownContent) {

    /** Known content is at least this urgent, whatever the reporter chose. */
    public static final Urgency KNOWN_CONTENT_URGENCY = Urgency.HIGH;

    public ReportFacts {
        if (category == null || urgency == null) {
            throw new IllegalArgumentException("category and urgency are required to route a report");
        }
        contentUrls = List.copyOf(contentUrls);
        knownContent = List.copyOf(knownContent);
    }

    /** Facts with no known-content match. */
    public ReportFacts(
            Category category,
            Urgency urgency,
            SourceChannel sourceChannel,
            ReporterRelationship reporterRelationship,
            boolean victimGiven,
            boolean victimSchoolGiven,
            List<String> contentUrls) {
        this(
                category,
                urgency,
                sourceChannel,
                reporterRelationship,
                victimGiven,
                victimSchoolGiven,
                contentUrls,
                List.of());
    }

    /**
     * The facts once the content was found on hash lists: the category becomes the first list's (lists are
     * curated by hotlines and outrank a reporter's choice), the urgency at least {@link #KNOWN_CONTENT_URGENCY}.
     */
    public ReportFacts withKnownContent(List<KnownContentMatch> matches) {
        if (matches.isEmpty()) {
            return this;
        }
        Urgency raised = KNOWN_CONTENT_URGENCY.isHigherThan(urgency) ? KNOWN_CONTENT_URGENCY : urgency;
        return new ReportFacts(
                matches.get(0).category(),
                raised,
                sourceChannel,
                reporterRelationship,
                victimGiven,
                victimSchoolGiven,
                contentUrls,
                matches);
    }

    /** The same facts at another urgency. */
    public ReportFacts withUrgency(Urgency routed) {
        return new ReportFacts(
                category,
                routed,
                sourceChannel,
                reporterRelationship,
                victimGiven,
                victimSchoolGiven,
                contentUrls,
                knownContent);
    }

    /** The facts of a {@code reports.received.v1} event. */
    public static ReportFacts of(ReportReceived report) {
        Set<String> urls = new LinkedHashSet<>();
        if (report.content() != null) {
            for (ReportReceived.ContentItem item : report.content()) {
                if (item != null && item.url() != null && !item.url().isBlank()) {
                    urls.add(item.url().trim());
                }
            }
        }
        ReportReceived.Victim victim = report.victim();
        return new ReportFacts(
                report.category(),
                report.urgency(),
                report.sourceChannel(),
                report.reporterRelationship(),
                victim != null && victim.given(),
                victim != null && victim.schoolGiven(),
                new ArrayList<>(urls));
    }

    /**
     * Whether the report comes from a school setting (rule R3): the victim's school is known, the report came
     * through a school, or a teacher reported it.
     */
    public boolean schoolContext() {
        return victimSchoolGiven
                || sourceChannel == SourceChannel.SCHOOL
                || reporterRelationship == ReporterRelationship.TEACHER;
    }
}
