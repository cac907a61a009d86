package io.statusguard.analyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.analyzer.HostileRecords;
import io.statusguard.event.ResponseEventEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class BatchDecodingTest {
  private final ResponseEventDecoder decoder = ResponseEventDecoder.create();

  @Test
  void answersEachRecordAtItsOwnIndexWhateverTheBatchSize() {
    try (BatchDecoding decoding = new BatchDecoding(decoder)) {
      for (int size : new int[] {0, 1, 64, 65, 1000, 5000}) {
        List<ConsumerRecord<byte[], ByteBuffer>> records = mixedRecords(size, new Random(size));

        BatchDecoding.Batch batch = decoding.start(records);
        batch.await();

        assertThat(batch.size()).isEqualTo(size);
        for (int i = 0; i < size; i++) {
          assertThat(comparable(batch.decoded(i))).as("record %d of %d", i, size)
              .isEqualTo(comparable(decoder.decode(RecordValue.copyOf(records.get(i).value()))));
          assertThat(batch.offset(i)).isEqualTo(records.get(i).offset());
        }
      }
    }
  }

  /** The helper may start at any moment, or not at all: the batch must come back whole either way. */
  @Test
  void answersEveryRecordHoweverLateTheHelperStarts() {
    List<ConsumerRecord<byte[], ByteBuffer>> records = mixedRecords(200, new Random(3));
    try (BatchDecoding decoding = new BatchDecoding(decoder)) {
      for (int round = 0; round < 500; round++) {
        List<ConsumerRecord<byte[], ByteBuffer>> batch = records.subList(0, 65 + round % 136);

        assertThat(decoding.start(batch).await()).as("round %d", round).doesNotContainNull();
      }
    }
  }

  /** The consumer starts the next poll's batch before it hands the last one to the sink. */
  @Test
  void decodesBatchesStartedBeforeTheLastOneIsAwaited() {
    try (BatchDecoding decoding = new BatchDecoding(decoder)) {
      List<ConsumerRecord<byte[], ByteBuffer>> first = mixedRecords(3000, new Random(5));
      List<ConsumerRecord<byte[], ByteBuffer>> second = mixedRecords(2000, new Random(6));

      BatchDecoding.Batch earlier = decoding.start(first);
      BatchDecoding.Batch later = decoding.start(second);

      assertThat(later.await()).doesNotContainNull().hasSize(2000);
      assertThat(earlier.await()).doesNotContainNull().hasSize(3000);
      assertThat(comparable(earlier.decoded(2998))).isEqualTo(comparable(decoder.decode(RecordValue.copyOf(first.get(2998).value()))));
    }
  }

  @Test
  void decodesAloneOnceClosed() {
    BatchDecoding decoding = new BatchDecoding(decoder);
    List<ConsumerRecord<byte[], ByteBuffer>> records = mixedRecords(1000, new Random(1));

    decoding.close();
    Decoded[] decoded = decoding.start(records).await();

    assertThat(decoded).doesNotContainNull().hasSize(1000);
  }

  /**
   * A rejection's reason, or the whole answer otherwise. Jackson words some details after the size of the
   * buffers its thread has recycled, so the same record may read slightly differently on two threads.
   */
  private static Object comparable(Decoded decoded) {
    return decoded instanceof Decoded.Rejected rejected ? rejected.reason() : decoded;
  }

  /**
   * Valid events and hostile records alternating, so that a shifted index would show, and a tombstone (no
   * value) every seventh record, which the read-ahead meets before the decoder does. The values lie side
   * by side in one array, each a view of its range, as Kafka hands them over from a fetch response.
   */
  private static List<ConsumerRecord<byte[], ByteBuffer>> mixedRecords(int count, Random random) {
    HostileRecords hostile = new HostileRecords(random);
    ByteArrayOutputStream fetched = new ByteArrayOutputStream();
    int[] ends = new int[count];
    boolean[] tombstones = new boolean[count];
    for (int i = 0; i < count; i++) {
      byte[] value = i % 7 == 3 ? null
          : i % 2 == 0 ? ResponseEventEncoder.encode(hostile.validEvent()) : hostile.next().value();
      tombstones[i] = value == null;
      if (value != null) {
        fetched.writeBytes(value);
      }
      ends[i] = fetched.size();
    }
    byte[] response = fetched.toByteArray();
    List<ConsumerRecord<byte[], ByteBuffer>> records = new ArrayList<>(count);
    for (int i = 0, start = 0; i < count; start = ends[i++]) {
      ByteBuffer value = tombstones[i] ? null : ByteBuffer.wrap(response, start, ends[i] - start).slice();
      records.add(new ConsumerRecord<>("events", 0, 1_000 + 3L * i, null, value));
    }
    return records;
  }
}
