package vn.childsafe.commons.domain;

/** How the reporter relates to the child (quan hệ với trẻ). */
public enum ReporterRelationship {
    SELF,
    PARENT,
    TEACHER,
    OFFICIAL,
    PLATFORM,
    OTHER
}
