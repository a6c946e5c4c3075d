package vn.childsafe.notify.domain;

/**
 * An agency assigned to a case, as the case event names it.
 *
 * @param agencyType e.g. {@code INFORMATION_PROVINCE}: the unit that handles content takedowns in the province
 */
public record CaseAgency(String agencyCode, String agencyType) {}
