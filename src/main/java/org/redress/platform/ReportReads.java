package org.redress.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A report's reads: read-only, on the read replica when one is configured ({@link ReadReplica}),
 * and all of them in one snapshot of the database (repeatable read). A report is built from
 * several statements (a period's speed, then its outcomes, then the breakdown); read each in
 * its own snapshot, a refresh committing between two of them gave a page with the cases closed
 * counted and their answers and promises not. Read-only, the snapshot costs no conflicts.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(readOnly = true, label = ReadReplica.LABEL, isolation = Isolation.REPEATABLE_READ)
public @interface ReportReads {
}
