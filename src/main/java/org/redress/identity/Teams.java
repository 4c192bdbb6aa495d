package org.redress.identity;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface Teams extends ListCrudRepository<Team, Long> {

    boolean existsByNameIgnoreCase(String name);

    List<Team> findAllByOrderByNameAsc();
}
