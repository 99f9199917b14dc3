package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMqttBrokerTest {

    @TempDir
    Path dir;

    @Test
    void mqtt5PublishSubscribeCarriesUserProperties() throws Exception {
        int port = Ports.free();
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(dir.resolve("hivemq"), port);
        try {
            broker.start();
            String uri = "tcp://127.0.0.1:" + port;
            MqttClient subscriber = connect(uri, "devstack-sub");
            MqttClient publisher = connect(uri, "devstack-pub");
            try {
                assertThat(subscriber.getCurrentServerURI()).isEqualTo(uri);
                CompletableFuture<MqttMessage> received = new CompletableFuture<>();
                IMqttMessageListener listener = (topic, message) -> received.complete(message);
                subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("hbot/+/status", 1)},
                        new IMqttMessageListener[] {listener});

                MqttMessage message = new MqttMessage("hello-v5".getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                MqttProperties properties = new MqttProperties();
                properties.setUserProperties(List.of(new UserProperty("source", "devstack")));
                properties.setMessageExpiryInterval(60L);
                message.setProperties(properties);
                publisher.publish("hbot/bot-1/status", message);

                MqttMessage got = received.get(20, TimeUnit.SECONDS);
                assertThat(new String(got.getPayload(), StandardCharsets.UTF_8)).isEqualTo("hello-v5");
                assertThat(got.getProperties().getUserProperties())
                        .extracting(UserProperty::getKey, UserProperty::getValue)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("source", "devstack"));
            } finally {
                publisher.disconnect();
                subscriber.disconnect();
                publisher.close();
                subscriber.close();
            }
        } finally {
            broker.close();
        }
        assertThat(Ports.isFree(port)).as("listener closed").isTrue();
    }

    private static MqttClient connect(String uri, String clientId) throws Exception {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        client.connect(options);
        return client;
    }
}
