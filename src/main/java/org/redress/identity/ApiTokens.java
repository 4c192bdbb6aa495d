package org.redress.identity;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface ApiTokens extends ListCrudRepository<ApiToken, Long> {

    List<ApiToken> findByUserIdOrderByIdDesc(long userId);
}
