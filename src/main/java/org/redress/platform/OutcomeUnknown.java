package org.redress.platform;

import org.springframework.transaction.TransactionSystemException;

/**
 * The connection to the database was lost while a change was being committed (a COMMIT,
 * or a write outside a transaction), or the change was still being saved for a caller
 * that could wait no longer: the database may have applied it or not, and Redress cannot
 * tell which.
 */
// A transaction exception, so that Spring does not try to roll back over a lost connection
// (that rollback would fail too and hide this).
class OutcomeUnknown extends TransactionSystemException {

    OutcomeUnknown(String task, Throwable cause) {
        super(task + ": the connection was lost, so whether the change was saved is unknown", cause);
    }

    /** The change was being saved when its caller could wait no longer (see {@link RequestWork}). */
    OutcomeUnknown(String message) {
        super(message);
    }
}
