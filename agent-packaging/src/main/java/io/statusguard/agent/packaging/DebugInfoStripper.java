package io.statusguard.agent.packaging;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.TypePath;

/**
 * Rewrites a class file without its local variable tables and, if asked, without its line numbers.
 * Everything else stays, the source file name included, so that a stack trace still names the file.
 * Stateless.
 */
final class DebugInfoStripper {
  private DebugInfoStripper() {}

  static byte[] strip(byte[] classFile, boolean localVariables, boolean lineNumbers) {
    if (!localVariables && !lineNumbers) {
      return classFile;
    }
    ClassReader reader = new ClassReader(classFile);
    // Not given the reader: a writer that copies the constant pool would keep the dropped names in it.
    ClassWriter writer = new ClassWriter(0);
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
        return new DebugInfoFilter(method, localVariables, lineNumbers);
      }
    }, /* parsingOptions= */ 0);
    return writer.toByteArray();
  }

  private static final class DebugInfoFilter extends MethodVisitor {
    private final boolean localVariables;
    private final boolean lineNumbers;

    DebugInfoFilter(MethodVisitor next, boolean localVariables, boolean lineNumbers) {
      super(Opcodes.ASM9, next);
      this.localVariables = localVariables;
      this.lineNumbers = lineNumbers;
    }

    @Override
    public void visitLocalVariable(String name, String descriptor, String signature, Label start,
        Label end, int index) {
      if (!localVariables) {
        super.visitLocalVariable(name, descriptor, signature, start, end, index);
      }
    }

    @Override
    public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath,
        Label[] start, Label[] end, int[] index, String descriptor, boolean visible) {
      // A type annotation on a local variable refers to the table's ranges: it goes with them.
      return localVariables ? null
          : super.visitLocalVariableAnnotation(typeRef, typePath, start, end, index, descriptor,
              visible);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
      if (!lineNumbers) {
        super.visitLineNumber(line, start);
      }
    }
  }
}
