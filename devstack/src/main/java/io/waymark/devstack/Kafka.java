package io.waymark.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A real single-node Kafka broker in KRaft mode (broker and controller in one JVM), from Maven Central's jars. */
final class Kafka extends ChildServer {

    private static final String MAIN = "kafka.Kafka";
    Kafka(Settings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public boolean isUp() {
        return Proc.portOpen(settings.host(), settings.kafkaPort());
    }

    @Override
    public void start() {
        Path dir = settings.home().resolve("kafka");
        Path data = dir.resolve("data");
        Path config = dir.resolve("server.properties");
        writeConfig(config, data);
        String classpath = Distributions.classpath(settings);
        if (!Files.isRegularFile(data.resolve("meta.properties"))) {
            Proc.say("formatting Kafka storage in " + data);
            Proc.run(List.of(Proc.javaBinary(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "-t", clusterId(), "-c", config.toString()), Map.of(), dir, Duration.ofMinutes(2));
        }
        launch(List.of(Proc.javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", classpath, MAIN, config.toString()), Map.of(), dir, Duration.ofMinutes(2));
    }

    private void writeConfig(Path config, Path data) {
        String host = settings.host();
        String properties = String.join("\n",
                "# written by the Waymark devstack at every start; change ports with WAYMARK_KAFKA_PORT",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + settings.kafkaControllerPort(),
                "listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort() + ",CONTROLLER://" + host + ":"
                        + settings.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        try {
            Files.createDirectories(config.getParent());
            Files.writeString(config, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding. One that starts with '-' would
     * be read as an option by the storage tool, so those are drawn again.
     */
    static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
