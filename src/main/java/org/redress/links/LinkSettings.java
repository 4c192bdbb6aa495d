package org.redress.links;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.links.*}: how long a case link stays valid (application.yaml defaults it to
 * the older {@code redress.remedies.link-validity}, so installations that set that keep their
 * value), and how many bad links one client may present within the window before it is
 * refused until the window has passed.
 */
@ConfigurationProperties("redress.links")
record LinkSettings(@DefaultValue("30d") Duration validity, @DefaultValue("20") int badTokenLimit,
                    @DefaultValue("10m") Duration badTokenWindow) {
}
