package org.redress.communications;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface MessageTemplates extends ListCrudRepository<MessageTemplate, Long> {

    Optional<MessageTemplate> findByPurposeAndChannelAndLanguage(Purpose purpose, String channel, String language);

    List<MessageTemplate> findAllByOrderByPurposeAscChannelAscLanguageAsc();
}
