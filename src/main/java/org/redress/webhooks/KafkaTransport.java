package org.redress.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Kafka, with {@code redress.broker.kind=kafka} ({@code spring.kafka.bootstrap-servers}): one
 * topic (created by Redress when missing), keyed by the case number, so a case's events share
 * one partition and one consumer (events without a case are keyed by their type); the event
 * type and id also travel as headers. Their order in the partition is the order they reached
 * Kafka: each node publishes after its own commit, and a failed publication is sent again
 * later, so it is not guaranteed to be the order they happened (the webhooks keep that). The producer is idempotent and waits for every in-sync replica,
 * and a publication completes only once Kafka has acknowledged its record.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("redress.broker.enabled")
@ConditionalOnProperty(name = "redress.broker.kind", havingValue = "kafka")
class KafkaTransport {

    private static final long ACK_SECONDS = 10;

    @Bean
    NewTopic redressEventsTopic(Environment environment) {
        return new NewTopic(BrokerPublishing.exchange(environment), 3, (short) 1);
    }

    @Bean
    KafkaTemplate<String, byte[]> redressEventsTemplate(DefaultKafkaProducerFactory<?, ?> configured) {
        Map<String, Object> settings = new java.util.HashMap<>(configured.getConfigurationProperties());
        settings.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class);
        settings.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class);
        settings.put("acks", "all");
        settings.put("enable.idempotence", true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(settings));
    }

    @Bean
    BrokerPublishing.Transport kafkaEventTransport(KafkaTemplate<String, byte[]> redressEventsTemplate) {
        return (target, body) -> send(redressEventsTemplate, target.getTarget(), body);
    }

    @Bean
    HealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return () -> {
            try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
                String cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).clusterId()
                    .get(3, TimeUnit.SECONDS);
                return Health.up().withDetail("clusterId", cluster).build();
            } catch (Exception e) {
                return Health.down(e).build();
            }
        };
    }

    private static void send(KafkaTemplate<String, byte[]> kafka, String topic, Map<String, @Nullable Object> body) {
        String type = (String) body.get("type");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, keyOf(body, type), BrokerPublishing.JSON.writeValueAsBytes(body));
        record.headers().add("type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("id", ((String) body.get("id")).getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(ACK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka acknowledged " + body.get("id"), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + body.get("id") + " within " + ACK_SECONDS + " s", e);
        }
    }

    private static String keyOf(Map<String, @Nullable Object> body, String type) {
        return body.get("data") instanceof Map<?, ?> data && data.get("caseNumber") instanceof String number ? number : type;
    }
}
