package io.statusguard.agent.isolation.conflicting;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.statusguard.agent.testsupport.ScenarioApp;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import net.bytebuddy.ByteBuddy;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * An application that brings its own kafka-clients, Jackson and Byte Buddy, older than the copies
 * the agent carries relocated, and uses all three while it calls the provider: each call goes
 * through a proxy class that its Byte Buddy defines ({@link AuditingProxy}), which writes an audit
 * record as JSON with its Jackson to a topic of its own, with its kafka-clients ({@link
 * AuditTrail}), on the broker the agent publishes to.
 *
 * <p>Arguments: the scenario mode ({@code httpclient}), the broker's {@code bootstrap.servers}
 * and the audit topic. Besides the scenario lines, it prints its own work as lines that start with
 * {@value #OWN_WORK}: which jar each library came from, as the library itself reports it, and each
 * audit record it read back from Kafka once the scenarios were done.
 */
public final class ConflictingLibrariesApp {
  public static final String OWN_WORK = "APP ";

  private ConflictingLibrariesApp() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    try (AuditTrail audit = AuditTrail.open(args[1], args[2])) {
      ownWork("kafka-clients " + AppInfoParser.getVersion() + " from " + jarOf(KafkaProducer.class));
      ownWork("jackson-databind " + PackageVersion.VERSION + " from " + jarOf(ObjectMapper.class));
      ownWork("byte-buddy from " + jarOf(ByteBuddy.class));
      ScenarioApp.run(new String[] {mode}, (clientMode, tls) ->
          AuditingProxy.around(JdkProviderClient.create(clientMode, tls), audit));
      for (String record : audit.readBack()) {
        ownWork("audit " + record);
      }
    }
  }

  private static void ownWork(String line) {
    System.out.println(OWN_WORK + line);
  }

  /** The name of the jar (or directory) that {@code type} was loaded from. */
  private static String jarOf(Class<?> type) throws URISyntaxException {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getFileName().toString();
  }
}
