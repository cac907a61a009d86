package io.statusguard.analyzer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Whether a consumer group has committed every record of a topic. Once it has, an at-least-once
 * consumer that commits after processing has processed them all, so counts can be asserted exactly.
 */
public final class GroupProgress implements AutoCloseable {
  private final Admin admin;
  private final String group;
  private final String topic;
  private final int partitions;

  private GroupProgress(Admin admin, String group, String topic, int partitions) {
    this.admin = admin;
    this.group = group;
    this.topic = topic;
    this.partitions = partitions;
  }

  public static GroupProgress of(String bootstrapServers, String group, String topic, int partitions) {
    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    return new GroupProgress(admin, group, topic, partitions);
  }

  /** True when the group's committed offset equals the end offset in every partition. */
  public boolean caughtUp() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
    for (var end : ends.entrySet()) {
      OffsetAndMetadata offset = committed.get(end.getKey());
      long committedOffset = offset == null ? 0 : offset.offset();
      if (committedOffset != end.getValue().offset()) {
        return false;
      }
    }
    return true;
  }

  /** How many members of the group hold at least one partition of the topic. */
  public long membersWithPartitions() throws Exception {
    ConsumerGroupDescription group;
    try {
      group = admin.describeConsumerGroups(List.of(this.group)).describedGroups().get(this.group)
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        // No member has joined yet: on a loaded machine the first poll can come after the first look.
        return 0;
      }
      throw e;
    }
    return group.members().stream()
        .filter(member -> member.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(topic)))
        .count();
  }

  @Override
  public void close() {
    admin.close();
  }
}
