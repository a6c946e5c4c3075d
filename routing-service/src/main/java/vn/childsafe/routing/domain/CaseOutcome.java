package vn.childsafe.routing.domain;

/** How a case was resolved (docs/guide-units.md, section 4). */
public enum CaseOutcome {
    VICTIM_SUPPORTED,
    REFERRED_TO_POLICE,
    OFFENDER_SANCTIONED,
    CONTENT_REMOVED,
    UNFOUNDED,
    DUPLICATE
}
