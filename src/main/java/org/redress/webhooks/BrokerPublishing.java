package org.redress.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;

import tools.jackson.databind.json.JsonMapper;

/**
 * The events outside systems consume ({@link OutboundEvent}), published to a message broker
 * through Spring Modulith's event externalisation, when {@code redress.broker.enabled}: to a
 * RabbitMQ topic exchange ({@link RabbitTransport}, the default) or a Kafka topic
 * ({@link KafkaTransport}, {@code redress.broker.kind=kafka}).
 * <p>
 * Each event is written to the event publication registry with the change that caused it and,
 * after commit, sent by the node that made the change; its publication completes once the broker
 * has confirmed the message (a RabbitMQ publisher confirm, a Kafka acknowledgement). A publication that failed (broker down) is sent again by
 * {@link BrokerResubmission}. The target is the exchange (RabbitMQ) or topic (Kafka) named
 * {@code redress.broker.exchange}; the routing key is the event's type ({@code case.opened}); the body
 * is {@code {"id", "type", "data"}}, with the same data as the webhook of that type. The id is
 * derived from the type and data, so a message sent twice (a node restarted while sending
 * resends what it had not finished) carries the same id, and consumers drop the second.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("redress.broker.enabled")
class BrokerPublishing {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Hands one message to the broker and returns once the broker has it; throws otherwise. */
    interface Transport {
        void send(RoutingTarget target, Map<String, @Nullable Object> body);
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
    EventExternalizerModuleListener brokerExternalizer(EventExternalizationConfiguration outboundEventRouting, Transport transport) {
        return new EventExternalizerModuleListener(outboundEventRouting, (payload, target) -> {
            try {
                @SuppressWarnings("unchecked")
                Map<String, @Nullable Object> body = (Map<String, @Nullable Object>) payload;
                transport.send(target, body);
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
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

    static String exchange(Environment environment) {
        return environment.getProperty("redress.broker.exchange", "redress.events");
    }
}
