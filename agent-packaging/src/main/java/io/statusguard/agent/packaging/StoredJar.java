package io.statusguard.agent.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A jar built in memory whose entries are stored, not compressed. Put into the agent jar as one
 * compressed entry, its classes are compressed together, sharing the names they have in common,
 * instead of one by one; unpacked, it is read without inflating anything. Not thread-safe.
 */
final class StoredJar {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ZipOutputStream zip = new ZipOutputStream(bytes);
  private long firstEntryTime = -1;
  private int entries;

  void add(String name, long time, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setTime(time);
    entry.setSize(content.length);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
    if (entries++ == 0) {
      firstEntryTime = time;
    }
  }

  int entries() {
    return entries;
  }

  /** The time of the first entry, for the entry that holds this jar; -1 while empty. */
  long firstEntryTime() {
    return firstEntryTime;
  }

  byte[] finish() throws IOException {
    zip.close();
    return bytes.toByteArray();
  }
}
