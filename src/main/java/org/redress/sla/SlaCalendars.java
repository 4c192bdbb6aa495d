package org.redress.sla;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface SlaCalendars extends ListCrudRepository<SlaCalendar, Long> {

    boolean existsByName(String name);

    List<SlaCalendar> findAllByOrderByNameAsc();
}
