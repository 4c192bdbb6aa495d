package org.redress.identity;

import org.springframework.data.repository.ListCrudRepository;

interface Teams extends ListCrudRepository<Team, Long> {

    boolean existsByNameIgnoreCase(String name);
}
