package org.redress.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.redress.ApplicationTest;
import org.redress.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit lines are written together just before their transaction commits: they exist exactly
 * when the change does, whatever the transaction does with savepoints and inner transactions.
 */
class AuditInTransactionsTests extends ApplicationTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void linesOfACommittedTransactionAreStoredInTheOrderRecordedAndThoseOfARolledBackOneAreNot() {
        String subject = "test:" + unique();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(Actor.SYSTEM, "test.first", subject, "one");
            audit.record(Actor.user(1, "Someone"), "test.second", subject, null);
        });
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(Actor.SYSTEM, "test.rolled-back", subject, null);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(actions(subject)).containsExactly("test.first", "test.second");
    }

    @Test
    void aSavepointRolledBackTakesItsLinesWithItAndAnInnerTransactionKeepsItsOwn() {
        String subject = "test:" + unique();
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            audit.record(Actor.SYSTEM, "test.before-savepoint", subject, null);
            nested.executeWithoutResult(savepoint -> {
                audit.record(Actor.SYSTEM, "test.in-savepoint-kept", subject, null);
            });
            try {
                nested.executeWithoutResult(savepoint -> {
                    audit.record(Actor.SYSTEM, "test.in-savepoint-undone", subject, null);
                    throw new IllegalStateException("this event failed");
                });
            } catch (IllegalStateException expected) {
                // the savepoint is rolled back; the outer transaction goes on
            }
            inner.executeWithoutResult(status -> audit.record(Actor.SYSTEM, "test.inner-committed", subject, null));
            audit.record(Actor.SYSTEM, "test.outer-last", subject, null);
            assertThat(audit.page(subject, null, 10)).extracting(AuditTrail.Entry::action)
                .as("read in the transaction, the log shows what it recorded so far")
                .containsExactlyInAnyOrder("test.before-savepoint", "test.in-savepoint-kept", "test.inner-committed",
                    "test.outer-last");
            throw new IllegalStateException("the outer change failed at last");
        })).hasMessage("the outer change failed at last");

        assertThat(actions(subject)).containsExactly("test.inner-committed");

        new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            audit.record(Actor.SYSTEM, "test.kept", subject, null);
            try {
                nested.executeWithoutResult(savepoint -> {
                    audit.record(Actor.SYSTEM, "test.undone", subject, null);
                    throw new IllegalStateException("this event failed");
                });
            } catch (IllegalStateException expected) {
                // as above
            }
        });
        assertThat(actions(subject)).containsExactly("test.inner-committed", "test.kept");
    }

    @Test
    void aSavepointRolledBackTakesItsLinesEvenWhenTheyWereTheTransactionsFirst() {
        String subject = "test:" + unique();
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

        new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            try {
                nested.executeWithoutResult(savepoint -> {
                    audit.record(Actor.SYSTEM, "test.first-and-undone", subject, null);
                    throw new IllegalStateException("this event failed");
                });
            } catch (IllegalStateException expected) {
                // the savepoint is rolled back; the outer transaction goes on
            }
            audit.record(Actor.SYSTEM, "test.after", subject, null);
        });

        assertThat(actions(subject)).containsExactly("test.after");
    }

    @Test
    void outsideATransactionALineIsWrittenAtOnce() {
        String subject = "test:" + unique();
        audit.record(Actor.SYSTEM, "test.alone", subject, "details");

        assertThat(actions(subject)).containsExactly("test.alone");
    }

    private List<String> actions(String subject) {
        return jdbc.sql("select action from audit_log where subject = ? order by id").param(subject).query(String.class).list();
    }
}
