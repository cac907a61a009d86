package io.statusguard.agent.instrumentation;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;

/**
 * Applies an instrumentation's advice to the library class on the test class path (the oldest version
 * claimed, which the agent compiles against), the way the agent would, without loading the result:
 * Byte Buddy refuses advice whose fields, arguments or return values do not bind.
 */
public final class AdvisedTypes {
  private AdvisedTypes() {}

  /** The class {@code instrumentation} instruments, as found on the test class path. */
  public static TypeDescription describe(TypeInstrumentation instrumentation) {
    return TypePool.Default.of(AdvisedTypes.class.getClassLoader())
        .describe(instrumentation.typeName()).resolve();
  }

  /** The class file of the instrumented class with the advice inlined; throws if it cannot be. */
  public static byte[] advise(TypeInstrumentation instrumentation) {
    ClassLoader loader = AdvisedTypes.class.getClassLoader();
    TypeDescription type = describe(instrumentation);
    DynamicType.Builder<?> builder = new ByteBuddy()
        .redefine(type, ClassFileLocator.ForClassLoader.of(loader));
    builder = instrumentation.transformer(loader).transform(builder, type, loader, null, null);
    try (DynamicType.Unloaded<?> advised = builder.make()) {
      return advised.getBytes();
    }
  }
}
