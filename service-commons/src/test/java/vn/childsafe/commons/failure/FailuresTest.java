package vn.childsafe.commons.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

import vn.childsafe.commons.messaging.UnprocessableEventException;

class FailuresTest {

    @Test
    void aRefusedOrLostDatabaseConnectionIsTransientHoweverDeepItIsWrapped() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        assertThat(Failures.isTransient(new IllegalStateException("commit failed", new RuntimeException(refused))))
                .isTrue();
        assertThat(Failures.isTransient(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(Failures.isTransient(new SQLException("could not extend file: No space left on device", "53100")))
                .isTrue();
        assertThat(Failures.isTransient(new SQLException("could not serialize access", "40001")))
                .isTrue();
        assertThat(Failures.isTransient(new SQLException("Sorry, acquisition timeout!")))
                .isTrue();
        assertThat(Failures.isTransient(new UncheckedIOException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void aDataErrorOrABugIsNotTransient() {
        assertThat(Failures.isTransient(new SQLException("invalid byte sequence for encoding", "22021")))
                .isFalse();
        assertThat(Failures.isTransient(new SQLException("duplicate key value", "23505")))
                .isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
        assertThat(Failures.isTransient(new UnprocessableEventException("not JSON")))
                .isFalse();
        // A commit that failed because of the data, not because the database went away.
        assertThat(Failures.isTransient(new RollbackException("flush failed") {
                    {
                        initCause(new SQLException("duplicate key value", "23505"));
                    }
                }))
                .isFalse();
    }

    @Test
    void theRootCauseNamesTheInnermostFailure() {
        assertThat(Failures.rootCause(new IllegalStateException("outer", new SQLException("inner", "08006"))))
                .isEqualTo("SQLException: inner");
    }
}
