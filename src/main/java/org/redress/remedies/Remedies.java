package org.redress.remedies;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface Remedies extends ListCrudRepository<Remedy, Long> {

    List<Remedy> findByCaseIdOrderByIdAsc(long caseId);
}
