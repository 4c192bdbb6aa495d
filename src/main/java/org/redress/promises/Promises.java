package org.redress.promises;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface Promises extends ListCrudRepository<Promise, Long> {

    List<Promise> findByCaseIdOrderByIdAsc(long caseId);

    List<Promise> findByCaseIdAndSourceAndStatus(long caseId, Promise.Source source, Promise.Status status);
}
