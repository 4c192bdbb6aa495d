package org.redress.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;

import tools.jackson.databind.json.JsonMapper;

/**
 * The events outside systems consume ({@link OutboundEvent}), published to a RabbitMQ topic
 * exchange through Spring Modulith's event externalisation, when {@code redress.broker.enabled}.
 * <p>
 * Each event is written to the event publication registry with the change that caused it and,
 * after commit, sent by the node that made the change; its publication completes once the broker
 * has confirmed the message. A publication that failed (broker down) is sent again by
 * {@link BrokerResubmission}. The routing key is the event's type ({@code case.opened}); the body
 * is {@code {"id", "type", "data"}}, with the same data as the webhook of that type. The id is
 * derived from the type and data, so a message sent twice (a node restarted while sending
 * resends what it had not finished) carries the same id, and consumers drop the second.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("redress.broker.enabled")
class BrokerPublishing {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long CONFIRM_MILLIS = 5_000;

    /** Declared on the broker at the first connection (and again after it restarts). */
    @Bean
    TopicExchange redressEventsExchange(Environment environment) {
        return new TopicExchange(exchange(environment), true, false);
    }

    @Bean
    EventExternalizationConfiguration outboundEventRouting(Environment environment) {
        String exchange = exchange(environment);
        return EventExternalizationConfiguration.externalizing()
            .select(event -> OutboundEvent.of(event).isPresent())
            .mapping(event -> body(OutboundEvent.of(event).orElseThrow()))
            .routeAll(event -> RoutingTarget.forTarget(exchange).andKey(OutboundEvent.of(event).orElseThrow().type().code()))
            .build();
    }

    @Bean
    EventExternalizerModuleListener brokerExternalizer(EventExternalizationConfiguration outboundEventRouting, RabbitTemplate rabbit) {
        return new EventExternalizerModuleListener(outboundEventRouting, (payload, target) -> {
            try {
                send(rabbit, target, payload);
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    // Waits for the broker's confirm, so a publication completes only once the message is the broker's.
    private static void send(RabbitTemplate rabbit, RoutingTarget target, Object payload) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) payload;
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setMessageId((String) body.get("id"));
        properties.setType((String) body.get("type"));
        Message message = new Message(JSON.writeValueAsBytes(body), properties);
        rabbit.invoke(operations -> {
            operations.send(target.getTarget(), target.getKey(), message);
            operations.waitForConfirmsOrDie(CONFIRM_MILLIS);
            return null;
        });
    }

    static Map<String, @Nullable Object> body(OutboundEvent event) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("id", "evt_" + fingerprint(event));
        body.put("type", event.type().code());
        body.put("data", event.data());
        return body;
    }

    private static String fingerprint(OutboundEvent event) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((event.type().code() + "\n" + JSON.writeValueAsString(event.data())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String exchange(Environment environment) {
        return environment.getProperty("redress.broker.exchange", "redress.events");
    }
}
