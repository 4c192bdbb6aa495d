package org.redress.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.ModelAndView;

class OutagesTests {

    private final Outages outages = new Outages(new DatabaseSettings(Duration.ofMillis(3500), Duration.ofSeconds(3),
        Duration.ofSeconds(120), Duration.ofSeconds(5)));

    @Test
    void noConnectionFromThePoolIsAnOutageThatChangedNothing() {
        Throwable failure = new CannotCreateTransactionException("Could not open JDBC Connection",
            new SQLTransientConnectionException("pool - Connection is not available, request timed out after 2000ms."));

        assertThat(outages.of(failure)).isEqualTo(Outages.UNREACHABLE);
        assertThat(outages.of(new CannotGetJdbcConnectionException("no connection"))).isEqualTo(Outages.UNREACHABLE);
    }

    @Test
    void aCancelledStatementIsTheDatabaseBeingTooSlow() {
        assertThat(outages.of(new QueryTimeoutException("cancelled"))).isEqualTo(Outages.TOO_SLOW);
        assertThat(outages.of(new RuntimeException(new SQLException("canceling statement due to statement timeout", "57014"))))
            .isEqualTo(Outages.TOO_SLOW);
    }

    @Test
    void aFailedRollbackDoesNotHideTheLostConnectionBehindIt() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new RuntimeException(new SQLException("An I/O error occurred", "08006")));

        assertThat(outages.of(rollback)).isEqualTo(Outages.UNREACHABLE);
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertThat(outages.of(new IllegalStateException("bug"))).isNull();
        assertThat(outages.of(new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505")))).isNull();
        assertThat(outages.of(null)).isNull();
    }

    @Test
    void aConsolePageMeetingAnOutageIsAReadable503WithRetryAfter() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ModelAndView page = new ConsoleErrors(outages).databaseFailure(new CannotGetJdbcConnectionException("down"), response);

        assertThat(page.getViewName()).isEqualTo("error");
        assertThat(page.getStatus().value()).isEqualTo(503);
        assertThat(page.getModel().get("message").toString()).contains("cannot reach its database");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    }

    @Test
    void aConsolePageMeetingAnotherDatabaseFailureIsLeftToTheUsualHandling() {
        DataIntegrityViolationException duplicate = new DataIntegrityViolationException("duplicate");

        Throwable thrown = catchThrowable(() -> new ConsoleErrors(outages).databaseFailure(duplicate, new MockHttpServletResponse()));

        assertThat(thrown).isSameAs(duplicate);
    }
}
