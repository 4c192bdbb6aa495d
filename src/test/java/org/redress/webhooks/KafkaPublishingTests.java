package org.redress.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.Await;
import org.redress.Http;
import org.redress.Nodes;
import org.redress.PostgresDatabase;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same events to Kafka ({@code redress.broker.kind=kafka}): a real Kafka broker (KRaft,
 * started by the test in its JVM), two nodes on one database, each event published once, keyed
 * by its case so a case's events share a partition, and the broker's health part of the node's.
 */
class KafkaPublishingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaClusterTestKit kafka;

    private final String topic = "redress.test.events." + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
            .setNumControllerNodes(1).build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void twoNodesPublishEachEventOnceKeyedByItsCase() throws SQLException {
        String url = PostgresDatabase.fresh();
        try (ConfigurableApplicationContext one = node(url); ConfigurableApplicationContext two = node(url)) {
            Http first = Nodes.admin(one);
            Http second = Nodes.admin(two);
            first.post("/api/v1/webhooks/endpoints", Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("*")));
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Http opening = i % 2 == 0 ? first : second;
                Http other = opening == first ? second : first;
                String number = BrokerPublishingTests.open(opening, "KF-" + i);
                numbers.add(number);
                assertThat(other.post("/api/v1/cases/" + number + "/acknowledge", Map.of("message", "We are on it.")).status())
                    .isEqualTo(200);
                assertThat(opening.post("/api/v1/cases/" + number + "/close", Map.of("reason", "spam")).status()).isEqualTo(200);
            }

            List<JsonNode> expected = BrokerPublishingTests.committedEvents(url);
            Await.until(() -> BrokerPublishingTests.unfinishedPublications(url) == 0, "every publication to complete");
            List<ConsumerRecord<String, byte[]>> records = readAll(expected.size());

            List<JsonNode> received = records.stream().map(record -> JSON.readTree(record.value())).toList();
            assertThat(received).extracting(message -> message.get("id").asString()).doesNotHaveDuplicates();
            assertThat(received.stream().map(BrokerPublishingTests::withoutId).toList()).containsExactlyInAnyOrderElementsOf(expected);
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode body = JSON.readTree(record.value());
                assertThat(record.key()).isEqualTo(body.get("data").get("caseNumber").asString());
                assertThat(new String(record.headers().lastHeader("type").value(), StandardCharsets.UTF_8))
                    .isEqualTo(body.get("type").asString());
            }
            // One key, one partition: all of a case's events are in the same partition. (Their order
            // there is the order they reached Kafka: each node publishes after its own commit.)
            for (String number : numbers) {
                List<ConsumerRecord<String, byte[]>> ofCase = records.stream().filter(record -> record.key().equals(number)).toList();
                assertThat(ofCase).extracting(record -> JSON.readTree(record.value()).get("type").asString())
                    .containsExactlyInAnyOrder("case.opened", "case.step-recorded", "case.closed");
                assertThat(ofCase).extracting(ConsumerRecord::partition).containsOnly(ofCase.get(0).partition());
            }
            JsonNode health = Http.anonymous(BrokerPublishingTests.port(one)).get("/actuator/health").json();
            assertThat(health.get("status").asString()).isEqualTo("UP");
        }
    }

    private ConfigurableApplicationContext node(String url) {
        return Nodes.start(url, false, "--redress.broker.enabled=true", "--redress.broker.kind=kafka",
            "--redress.broker.exchange=" + topic, "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
    }

    // Everything on the topic, from the start, until as many as expected have come (and a moment more for any extra).
    private List<ConsumerRecord<String, byte[]>> readAll(int expected) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("group.id", "test-" + topic);
        settings.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietUntil = 0;
            long giveUpAt = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < giveUpAt && (records.size() < expected || System.currentTimeMillis() < quietUntil)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                if (records.size() >= expected && quietUntil == 0) {
                    quietUntil = System.currentTimeMillis() + 3_000;
                }
            }
        }
        return records;
    }
}
