package io.statusguard.agent.pipeline;

import io.statusguard.agent.config.AgentConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the Kafka client the agent carries. The agent jar holds it, with the agent's own Kafka-facing
 * package, as one nested jar, {@value #NESTED_JAR}, which keeps the agent jar small. The first sender
 * unpacks it to a temporary file that only this user can read and that is deleted at exit, and loads
 * it with a class loader of its own whose parent is the agent's, so that Kafka never shows on the
 * application's class path. That happens on the publisher thread, never in {@code premain} nor on
 * the application's threads. Confined to the publisher thread.
 */
final class KafkaClientLoader {
  static final String NESTED_JAR = "META-INF/statusguard/kafka-client.jar";
  /** Lives in the nested jar: the agent's own classes never name it, or they would fail to link. */
  static final String SENDER_CLASS = "io.statusguard.agent.kafka.KafkaEventSender";

  private final ClassLoader agentLoader;
  private Method create;

  KafkaClientLoader(ClassLoader agentLoader) {
    this.agentLoader = agentLoader;
  }

  /**
   * A sender for the cluster {@code config} names. Throws what Kafka throws for settings it rejects
   * or servers it cannot resolve, an {@link UncheckedIOException} when the client cannot be unpacked
   * (a full disk: it may work later), and a {@link LinkageError} when the jar lacks it.
   */
  EventSender newSender(AgentConfig config) {
    try {
      return (EventSender) create().invoke(null, config);
    } catch (InvocationTargetException e) {
      Throwable failure = e.getCause();
      if (failure instanceof RuntimeException) {
        throw (RuntimeException) failure;
      }
      if (failure instanceof Error) {
        throw (Error) failure;
      }
      throw new UndeclaredThrowableException(failure);
    } catch (IllegalAccessException e) {
      throw new LinkageError("cannot call " + SENDER_CLASS + ".create: " + e.getMessage(), e);
    }
  }

  private Method create() {
    if (create == null) {
      try {
        create = Class.forName(SENDER_CLASS, true, kafkaLoader())
            .getMethod("create", AgentConfig.class);
      } catch (ReflectiveOperationException e) {
        throw new LinkageError("the agent jar lacks its Kafka client: " + e, e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot unpack the agent's Kafka client: " + e, e);
      }
    }
    return create;
  }

  private ClassLoader kafkaLoader() throws IOException {
    URL nested = agentLoader.getResource(NESTED_JAR);
    if (nested == null) {
      // Running from classes (the agent's unit tests): Kafka is on the agent's own class path.
      return agentLoader;
    }
    // Created readable by this user only, and written in place, which keeps it so; the class loader
    // keeps it open until the JVM exits.
    Path file = Files.createTempFile("statusguard-kafka-client-", ".jar");
    file.toFile().deleteOnExit();
    try (InputStream in = nested.openStream();
        OutputStream out = Files.newOutputStream(file)) {
      in.transferTo(out);
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new NestedJarClassLoader(file.toUri().toURL(), agentLoader);
  }

  /**
   * Loads what the nested jar holds from it without asking the agent's loader first, which would
   * throw (and catch) a {@link ClassNotFoundException} for each of Kafka's classes; everything else
   * comes from the agent's loader. Resources too: an application's own kafka-clients on the class
   * path carries {@code kafka/kafka-version.properties} under the same name as ours, and the agent's
   * Kafka must read its own.
   */
  static final class NestedJarClassLoader extends URLClassLoader {
    static {
      ClassLoader.registerAsParallelCapable();
    }

    NestedJarClassLoader(URL nestedJar, ClassLoader agentLoader) {
      super("statusguard-kafka-client", new URL[] {nestedJar}, agentLoader);
    }

    @Override
    public URL getResource(String name) {
      URL own = findResource(name);
      return own != null ? own : super.getResource(name);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null && findResource(name.replace('.', '/') + ".class") != null) {
          loaded = findClass(name);
        }
        if (loaded == null) {
          return super.loadClass(name, resolve);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
