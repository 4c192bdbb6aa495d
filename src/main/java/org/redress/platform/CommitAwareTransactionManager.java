package org.redress.platform;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JDBC transaction manager, honest about a lost connection: a commit that loses
 * it is {@link OutcomeUnknown}, and a rollback over a connection already gone does not
 * hide the failure that caused it. Read-only work marked {@link ReadReplica} begins on the
 * replica when one is configured.
 */
final class CommitAwareTransactionManager extends JdbcTransactionManager {

    CommitAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    // A new transaction marked for the replica takes its connection there (when there is one).
    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (ReadReplica.wanted(definition)) {
            ReplicaRoutingDataSource.onReplica(() -> {
                super.doBegin(transaction, definition);
                return null;
            });
        } else {
            super.doBegin(transaction, definition);
        }
    }

    // Over a lost connection a rollback fails too, and its failure would hide the request's
    // own; the database drops the unfinished transaction when the connection goes anyway.
    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (RuntimeException e) {
            if (!Outages.isConnectionFailure(e) && !connectionClosed(status)) {
                throw e;
            }
        }
    }

    private static boolean connectionClosed(DefaultTransactionStatus status) {
        if (status.getTransaction() instanceof JdbcTransactionObjectSupport transaction && transaction.hasConnectionHolder()) {
            try {
                return transaction.getConnectionHolder().getConnection().isClosed();
            } catch (SQLException e) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        try {
            super.doCommit(status);
        } catch (RuntimeException e) {
            if (Outages.isConnectionFailure(e)) {
                throw new OutcomeUnknown("Commit", e);
            }
            throw e;
        }
    }
}
