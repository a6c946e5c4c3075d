package vn.childsafe.notify.domain;

import java.util.UUID;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;

/** The routing facts of a case that alerts and takedown requests repeat (no personal data). */
public record CaseFacts(UUID caseId, Category category, Urgency urgency, String provinceCode, String communeCode) {}
