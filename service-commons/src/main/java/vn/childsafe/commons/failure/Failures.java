package vn.childsafe.commons.failure;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failing dependency from a failing record. A dependency failure (the database refusing connections or
 * going away mid-transaction, a serialisation conflict, the broker unreachable, a full disk) is waited out, for as
 * long as it takes; only a record that fails on its own while the database answers may be dead-lettered. A request
 * that meets one is answered 503 with {@code Retry-After}, never 500.
 */
public final class Failures {

    /**
     * SQLSTATE classes of failures that say nothing about the record: connection (08), transaction rollback (40,
     * serialisation and deadlock), insufficient resources (53, e.g. disk full), operator intervention (57, e.g.
     * shutdown), system error (58), internal error (XX).
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58", "XX");

    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "jakarta.transaction.RollbackException",
            "jakarta.transaction.SystemException",
            "jakarta.transaction.HeuristicMixedException",
            "jakarta.transaction.HeuristicRollbackException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.InterruptException",
            "java.util.concurrent.TimeoutException");

    private Failures() {}

    /**
     * Whether {@code failure} comes from a dependency rather than from the record being processed. Where the
     * cause chain holds an SQL error, PostgreSQL's SQLSTATE decides (a transaction that failed to commit because of
     * a constraint is the data's fault); otherwise any I/O error or known transient type makes it transient.
     */
    public static boolean isTransient(Throwable failure) {
        boolean transientType = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return transientSql(sql);
            }
            if (t instanceof IOException) {
                transientType = true;
            }
            for (Class<?> c = t.getClass(); c != null && !transientType; c = c.getSuperclass()) {
                transientType = TRANSIENT_TYPES.contains(c.getName());
            }
        }
        return transientType;
    }

    private static boolean transientSql(SQLException e) {
        String state = e.getSQLState();
        // No SQLSTATE: the pool's own failures (acquisition timeout, closed pool), not PostgreSQL judging the data.
        return state == null || state.length() < 2 || TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2));
    }

    /** The innermost cause, as {@code Type: message}, for a log line. */
    public static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
