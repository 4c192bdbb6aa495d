package org.redress.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/** A playbook step as done: by whom, when, with what words. The timeline keeps earlier versions. */
@Table("case_steps")
record StepRecord(PlaybookStep step, Instant doneAt, @Nullable Long doneById, String doneByName, @Nullable String note) {
}
