package org.redress.cases;

import org.springframework.data.repository.ListCrudRepository;

interface Cases extends ListCrudRepository<RecoveryCase, Long>, CaseRows {
}
