package vn.childsafe.commons.security;

/** The roles a caller's JWT carries in its {@code groups} claim. */
public final class Roles {

    /** Government systems, the 111 hotline software and web forms that submit reports. */
    public static final String REPORTER = "reporter";
    /** Online platforms: submit reports, receive takedown requests, post takedown results. */
    public static final String PLATFORM = "platform";
    /** A responsible unit (đơn vị chịu trách nhiệm); claim {@code agency} names which. */
    public static final String UNIT = "unit";

    public static final String ADMIN = "admin";
    public static final String OPS = "ops";

    /** Claim naming a unit caller's agency code. */
    public static final String AGENCY_CLAIM = "agency";
    /** Claim naming a platform caller's platform code. */
    public static final String PLATFORM_CLAIM = "platform";

    private Roles() {}
}
