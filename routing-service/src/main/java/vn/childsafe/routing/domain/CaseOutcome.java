package vn.childsafe.routing.domain;

/** How a case was resolved (DESIGN §5). */
public enum CaseOutcome {
    VICTIM_SUPPORTED,
    REFERRED_TO_POLICE,
    OFFENDER_SANCTIONED,
    CONTENT_REMOVED,
    UNFOUNDED,
    DUPLICATE
}
