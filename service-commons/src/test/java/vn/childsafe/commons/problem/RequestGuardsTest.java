package vn.childsafe.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class RequestGuardsTest {

    @Test
    void nulAndMalformedPercentEncodingAreRefusedUtf8IsNot() {
        assertThat(RequestGuards.uriProblem("/api/v1/agencies/%00")).contains("NUL");
        assertThat(RequestGuards.uriProblem("/api/v1/cases?agencyCode=CA%00-01"))
                .contains("NUL");
        assertThat(RequestGuards.uriProblem("/api/v1/rule-sets/%C3%28")).contains("UTF-8");
        assertThat(RequestGuards.uriProblem("/api/v1/rule-sets/%FF")).contains("UTF-8");
        assertThat(RequestGuards.uriProblem("/api/v1/agencies/%4")).contains("two hex digits");
        assertThat(RequestGuards.uriProblem("/api/v1/agencies/%zz")).contains("two hex digits");
        assertThat(RequestGuards.uriProblem("/api/v1/admin-units?name=H%C3%A0%20N%E1%BB%99i"))
                .isNull();
        assertThat(RequestGuards.uriProblem("/api/v1/agencies/UBND-00004?x=a+b&y=%2F"))
                .isNull();
        assertThat(RequestGuards.uriProblem(null)).isNull();
    }

    @Test
    void aClientThatWentAwayIsToldFromAServerFailure() {
        assertThat(ProblemExceptionMappers.clientGone(new RuntimeException(new ClosedChannelException())))
                .isTrue();
        assertThat(ProblemExceptionMappers.clientGone(new IOException("Connection reset by peer")))
                .isTrue();
        assertThat(ProblemExceptionMappers.clientGone(new IOException("Broken pipe")))
                .isTrue();
        assertThat(ProblemExceptionMappers.clientGone(new IllegalStateException("boom")))
                .isFalse();
        // The database's connection being reset is the server's problem, not the client leaving.
        assertThat(ProblemExceptionMappers.clientGone(new RuntimeException(
                        new SQLException("I/O error", "08006", new IOException("Connection reset")))))
                .isFalse();
    }
}
