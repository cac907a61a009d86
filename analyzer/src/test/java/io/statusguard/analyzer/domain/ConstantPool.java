package io.statusguard.analyzer.domain;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a compiled class refers to, read from its constant pool: every UTF-8 entry (class names,
 * descriptors, signatures) and every method reference. Enough to check a class's dependencies without
 * a bytecode library.
 */
record ConstantPool(String className, List<String> texts, List<MethodRef> methodRefs) {
  private static final int MAGIC = 0xCAFEBABE;

  /** A method reference: its owner class in internal form, such as {@code java/lang/System}, and its name. */
  record MethodRef(String owner, String name) {}

  static ConstantPool read(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNames = new int[count];
    int[][] references = new int[count][];
    int[][] namesAndTypes = new int[count][];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // Eight-byte constants take two slots.
        }
        case 7 -> classNames[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 9, 17, 18 -> in.readInt();
        case 10, 11 -> references[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 12 -> namesAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    in.readUnsignedShort();
    String className = utf8[classNames[in.readUnsignedShort()]];
    List<String> texts = new ArrayList<>();
    List<MethodRef> methodRefs = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (utf8[i] != null) {
        texts.add(utf8[i]);
      }
      if (references[i] != null) {
        int[] nameAndType = namesAndTypes[references[i][1]];
        methodRefs.add(new MethodRef(utf8[classNames[references[i][0]]], utf8[nameAndType[0]]));
      }
    }
    return new ConstantPool(className, texts, methodRefs);
  }
}
