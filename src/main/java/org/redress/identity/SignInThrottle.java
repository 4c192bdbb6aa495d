package org.redress.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.redress.audit.AuditTrail;
import org.redress.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows, then refuses, password guessing, per account and per client address, on every way
 * in that takes a password (console form, HTTP Basic, and so token creation). The first few
 * failures are free (people mistype); after that each failure makes the next attempt wait
 * twice as long, up to a minute. While an account or address waits, attempts are refused
 * without looking at the password, and do not lengthen the wait: an attacker gets at most
 * about ten guesses a minute at an account, and its owner never waits more than a minute.
 * A success clears the account's count (not the address's: one's own account must not
 * reset a guesser's address). Counts are kept in the database so every node sees them.
 */
@Component
class SignInThrottle {

    static final int FREE_ACCOUNT_FAILURES = 5;
    static final int FREE_ADDRESS_FAILURES = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    /** A count with no failure for this long starts again from zero. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Where an attempt stands before its password is checked: how long it must still wait
     * (zero when it may go ahead), and whether its account has failures to clear on success.
     */
    record Standing(Duration waitFor, boolean accountHasFailures) {}

    Standing standing(String email, String address) {
        Instant now = clock.instant();
        String account = account(email);
        Duration wait = Duration.ZERO;
        boolean accountHasFailures = false;
        // One read for both counts: most attempts find no row and go ahead.
        for (Row row : jdbc.sql("select subject, failures, last_failure_at, blocked_until from sign_in_failures where subject in (?, ?)")
            .params(account, address(address)).query(Row.class).list()) {
            accountHasFailures |= row.subject().equals(account);
            if (row.blockedUntil() != null && row.blockedUntil().toInstant().isAfter(now)) {
                Duration left = Duration.between(now, row.blockedUntil().toInstant());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return new Standing(wait, accountHasFailures);
    }

    void failed(String email, String address) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Count byAccount = count(account(email), FREE_ACCOUNT_FAILURES, now);
            Count byAddress = count(address(address), FREE_ADDRESS_FAILURES, now);
            Duration wait = byAccount.delay().compareTo(byAddress.delay()) >= 0 ? byAccount.delay() : byAddress.delay();
            audit.record(Actor.SYSTEM, "sign-in.failed", account(email), "wrong email or password from " + address
                + " (failure " + byAccount.failures() + " in a row)"
                + (wait.isZero() ? "" : "; the next attempt must wait " + wait.toSeconds() + " s"));
        });
    }

    void succeeded(String email) {
        jdbc.sql("delete from sign_in_failures where subject = ?").param(account(email)).update();
    }

    private record Count(int failures, Duration delay) {}

    private Count count(String subject, int free, Instant now) {
        jdbc.sql("insert into sign_in_failures (subject, failures, last_failure_at) values (?, 0, ?) on conflict do nothing")
            .params(subject, Timestamp.from(now)).update();
        Row row = jdbc.sql("select subject, failures, last_failure_at, blocked_until from sign_in_failures where subject = ? for update")
            .param(subject).query(Row.class).single();
        int failures = row.lastFailureAt().toInstant().plus(FORGET_AFTER).isBefore(now) ? 1 : row.failures() + 1;
        Duration wait = failures <= free ? Duration.ZERO : wait(failures - free);
        jdbc.sql("update sign_in_failures set failures = ?, last_failure_at = ?, blocked_until = ? where subject = ?")
            .params(failures, Timestamp.from(now), wait.isZero() ? null : Timestamp.from(now.plus(wait)), subject)
            .update();
        jdbc.sql("delete from sign_in_failures where last_failure_at < ?")
            .param(Timestamp.from(now.minus(FORGET_AFTER).minus(LONGEST_WAIT))).update();
        return new Count(failures, wait);
    }

    /** 2 s after the first failure beyond the free ones, then 4, 8, 16, 32, and a minute from then on. */
    static Duration wait(int failuresBeyondFree) {
        long seconds = FIRST_WAIT.toSeconds() << Math.min(failuresBeyondFree - 1, 10);
        return seconds >= LONGEST_WAIT.toSeconds() ? LONGEST_WAIT : Duration.ofSeconds(seconds);
    }

    private record Row(String subject, int failures, Timestamp lastFailureAt, @Nullable Timestamp blockedUntil) {}

    private static String account(String email) {
        return "account:" + email.trim().toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return "address:" + address;
    }
}
