package org.redress.platform;

import java.util.Collection;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks read-only work that may read from a PostgreSQL read replica, when one is configured
 * ({@code redress.database.replica.url}): {@code @Transactional(readOnly = true, label = ReadReplica.LABEL)},
 * or a {@link #readOnlyTemplate(PlatformTransactionManager) template} for programmatic transactions.
 * Everything else, including every other read-only transaction, uses the primary.
 * <p>
 * Only for work that tolerates the replica being a little behind (insights, exports of them):
 * a page that reads what the person just changed must read the primary. A marked transaction
 * started inside another one joins it, on the primary; a write in a marked transaction fails
 * (it is read-only on both).
 */
public final class ReadReplica {

    /** The transaction label, or template name, that sends a new read-only transaction to the replica. */
    public static final String LABEL = "redress:read-replica";

    private ReadReplica() {
    }

    /** A read-only transaction template whose transactions go to the replica when there is one. */
    public static TransactionTemplate readOnlyTemplate(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        template.setName(LABEL);
        return template;
    }

    static boolean wanted(TransactionDefinition definition) {
        if (!definition.isReadOnly()) {
            return false;
        }
        if (LABEL.equals(definition.getName())) {
            return true;
        }
        Collection<String> labels = definition instanceof TransactionAttribute attribute ? attribute.getLabels() : java.util.List.of();
        return labels.contains(LABEL);
    }
}
