package vn.childsafe.commons.domain;

/** A victim's gender, as reported. */
public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
