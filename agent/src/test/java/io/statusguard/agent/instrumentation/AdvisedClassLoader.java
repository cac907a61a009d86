package io.statusguard.agent.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads an HTTP client library, and the test code that drives it, afresh from the test class path,
 * with the agent's advice inlined into the classes it instruments, as the agent would at run time;
 * every other class (the JDK, the agent's bootstrap types, the test's assertions) comes from the
 * parent, so the advice reports to the same {@code ResponseSinks} the test reads. Only for tests: the
 * real agent retransforms the application's own classes.
 */
public final class AdvisedClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> advised;
  private final List<String> ownedPrefixes;

  private AdvisedClassLoader(Map<String, byte[]> advised, List<String> ownedPrefixes) {
    super(AdvisedClassLoader.class.getClassLoader());
    this.advised = advised;
    this.ownedPrefixes = ownedPrefixes;
  }

  /**
   * A loader that defines the classes whose names start with one of {@code ownedPrefixes} itself,
   * those of {@code instrumentations} with their advice.
   */
  public static AdvisedClassLoader of(List<? extends TypeInstrumentation> instrumentations,
      String... ownedPrefixes) {
    Map<String, byte[]> advised = new HashMap<>();
    for (TypeInstrumentation instrumentation : instrumentations) {
      advised.put(instrumentation.typeName(), AdvisedTypes.advise(instrumentation));
    }
    return new AdvisedClassLoader(advised, List.of(ownedPrefixes));
  }

  /** A new instance of {@code type}, defined by this loader, as its JDK interface {@code view}. */
  public <T> T newInstance(Class<?> type, Class<T> view) {
    try {
      return view.cast(loadClass(type.getName()).getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!owns(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> type = findLoadedClass(name);
      if (type == null) {
        type = findClass(name);
      }
      if (resolve) {
        resolveClass(type);
      }
      return type;
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = advised.get(name);
    if (bytes == null) {
      bytes = classFile(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  private boolean owns(String name) {
    for (String prefix : ownedPrefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private byte[] classFile(String name) throws ClassNotFoundException {
    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
