package org.civiclink.deploy.kafka;

import java.nio.file.Path;

import org.civiclink.deploy.layout.StackLayout;

/**
 * One single-node KRaft broker (broker and controller in the same JVM).
 *
 * @param kafkaLibs      folder with the broker's jars, see {@link KafkaLibs}
 * @param dataDir        {@code log.dirs}; formatted on the first start and kept afterwards
 * @param configDir      where server.properties and the Log4j configuration are written
 * @param logFile        the broker's own log (Log4j)
 * @param consoleLogFile the JVM's stdout/stderr, for failures before Log4j is up
 */
public record KafkaBrokerSpec(Path kafkaLibs, Path dataDir, Path configDir, Path logFile, Path consoleLogFile,
                              String host, int port, int controllerPort) {

    public static KafkaBrokerSpec of(StackLayout layout, Path kafkaLibs) {
        return new KafkaBrokerSpec(kafkaLibs, layout.kafkaDataDir(), layout.configDir(),
                layout.logFile("kafka"), layout.logFile("kafka-console"),
                layout.host(), layout.kafkaPort(), layout.controllerPort());
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }
}
