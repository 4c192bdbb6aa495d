package org.redress.cases;

import java.util.Optional;

/**
 * Loading a case with plain SQL, a fragment of the case repository used in place of its
 * generic {@code findById}: that rendered the SQL of the case's steps and tags afresh on every
 * call and mapped each column through its conversion machinery, a seventh of the
 * application's time on a case page under load. Saving is still the repository's.
 */
interface CaseRows {

    Optional<RecoveryCase> load(long id);
}
