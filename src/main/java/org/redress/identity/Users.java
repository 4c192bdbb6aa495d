package org.redress.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Users extends ListCrudRepository<User, Long> {

    Optional<User> findByEmail(String email);

    List<User> findByTeamIdOrderByNameAsc(long teamId);
}
