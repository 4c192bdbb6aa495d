package org.redress.remedies;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface RemedyTypes extends ListCrudRepository<RemedyType, String> {

    List<RemedyType> findAllByOrderByLabelAsc();
}
