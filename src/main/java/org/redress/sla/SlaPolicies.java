package org.redress.sla;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface SlaPolicies extends ListCrudRepository<SlaPolicy, Long> {

    List<SlaPolicy> findAllByOrderByIdAsc();
}
