package io.statusguard.kafka.embedded;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates a single-replica topic through an Admin client, for any broker a test or the demo talks to
 * (ours or a container's). A topic that already exists is left as it is.
 */
public final class TopicCreation {
  private TopicCreation() {}

  /**
   * @throws IllegalStateException if the topic cannot be created within {@code timeout}
   */
  public static void create(Admin admin, String name, int partitions, Duration timeout) {
    try {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("Could not create topic " + name, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out creating topic " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topic " + name, e);
    }
  }
}
