package org.redress.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.health.RabbitHealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * RabbitMQ, the default broker: a durable topic exchange (declared by Redress at the first
 * connection, and again after the broker restarts), the event type as routing key, each
 * message waited for until the broker confirms it. Its health is part of the node's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("redress.broker.enabled")
@ConditionalOnProperty(name = "redress.broker.kind", havingValue = "rabbitmq", matchIfMissing = true)
class RabbitTransport {

    private static final long CONFIRM_MILLIS = 5_000;

    @Bean
    TopicExchange redressEventsExchange(Environment environment) {
        return new TopicExchange(BrokerPublishing.exchange(environment), true, false);
    }

    @Bean
    RabbitHealthIndicator rabbitHealthIndicator(RabbitTemplate rabbit) {
        return new RabbitHealthIndicator(rabbit);
    }

    @Bean
    BrokerPublishing.Transport rabbitEventTransport(RabbitTemplate rabbit) {
        return (target, body) -> send(rabbit, target.getTarget(), target.getKey(), body);
    }

    // Waits for the broker's confirm, so a publication completes only once the message is the broker's.
    private static void send(RabbitTemplate rabbit, String exchange, @Nullable String key, Map<String, @Nullable Object> body) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setMessageId((String) body.get("id"));
        properties.setType((String) body.get("type"));
        Message message = new Message(BrokerPublishing.JSON.writeValueAsBytes(body), properties);
        rabbit.invoke(operations -> {
            operations.send(exchange, key, message);
            operations.waitForConfirmsOrDie(CONFIRM_MILLIS);
            return null;
        });
    }
}
