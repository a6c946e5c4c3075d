package vn.childsafe.notify.domain;

import java.util.UUID;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;

/** The routing facts of a case that alerts and takedown requests repeat (no personal data). */
public record CaseFacts(UUID caseId, Category category, Urgency urgency, String provinceCode, String communeCode) {

    /** The facts of a routed case. */
    public static CaseFacts of(CaseRouted event) {
        return new CaseFacts(
                event.caseId(), event.category(), event.urgency(), event.provinceCode(), event.communeCode());
    }

    /** The facts of a case after a change. */
    public static CaseFacts of(CaseEvent event) {
        return new CaseFacts(
                event.caseId(), event.category(), event.urgency(), event.provinceCode(), event.communeCode());
    }
}
