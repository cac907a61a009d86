package io.statusguard.benchmarks.comparison;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * One build's copy of a JMH benchmark method, loaded from that build's class path by a class loader of
 * its own (whose parent is the platform loader), so that two builds of the same classes run side by side
 * in one JVM, each compiled by the JIT on its own. The benchmark's state is the benchmark object itself,
 * set up once by its {@code @Setup} methods, as JMH does for {@code Level.Trial}; a benchmark whose
 * set-up runs per iteration or per invocation is refused, since slices here are neither. Confined to
 * one thread.
 */
public final class LoadedBenchmark {
  private static final String JMH_ANNOTATIONS = "org.openjdk.jmh.annotations.";

  private final Class<?> benchmarkClass;
  private final MethodHandle call;
  private final int operationsPerCall;

  private LoadedBenchmark(Class<?> benchmarkClass, MethodHandle call, int operationsPerCall) {
    this.benchmarkClass = benchmarkClass;
    this.call = call;
    this.operationsPerCall = operationsPerCall;
  }

  /**
   * Loads {@code className} from {@code classPath} (entries separated as the platform separates them),
   * sets it up and binds {@code methodName}, a public benchmark method without parameters.
   *
   * @throws IllegalArgumentException when the class or the method is not there, or setting up fails
   */
  public static LoadedBenchmark load(String classPath, String className, String methodName) {
    ClassLoader loader = new URLClassLoader(urls(classPath), ClassLoader.getPlatformClassLoader());
    try {
      Class<?> type = Class.forName(className, true, loader);
      Object benchmark = type.getConstructor().newInstance();
      for (Method setUp : annotated(type, "Setup")) {
        requireTrialLevel(setUp);
        setUp.invoke(benchmark);
      }
      Method method = type.getMethod(methodName);
      MethodHandle call = MethodHandles.publicLookup().unreflect(method).bindTo(benchmark)
          .asType(MethodType.methodType(void.class));
      return new LoadedBenchmark(type, call, operationsPerInvocation(method));
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no class " + className + " on " + classPath, e);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(className + " has no public method " + methodName
          + " without parameters, or no public constructor without them", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(className + " failed to set up: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot run " + className + "." + methodName + ": " + e, e);
    }
  }

  /** The benchmark's class as this build loaded it: a class of its own, whatever other builds load. */
  public Class<?> benchmarkClass() {
    return benchmarkClass;
  }

  /** Calls the benchmark method for at least {@code nanos}, and returns the operations it did. */
  public long runFor(long nanos) {
    long calls = 0;
    long start = System.nanoTime();
    try {
      do {
        call.invokeExact();
        calls++;
      } while (System.nanoTime() - start < nanos);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(benchmarkClass.getName() + " threw " + e, e);
    }
    return calls * operationsPerCall;
  }

  private static URL[] urls(String classPath) {
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        try {
          urls.add(new File(entry).toURI().toURL());
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException("not a class path entry: " + entry, e);
        }
      }
    }
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("an empty class path");
    }
    return urls.toArray(new URL[0]);
  }

  /** JMH's annotations are read by name: each build carries its own copy of them. */
  private static List<Method> annotated(Class<?> type, String annotation) {
    List<Method> methods = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (annotation(method, annotation) != null && method.getParameterCount() == 0) {
        methods.add(method);
      }
    }
    return methods;
  }

  private static void requireTrialLevel(Method setUp) throws ReflectiveOperationException {
    Annotation annotation = annotation(setUp, "Setup");
    String level = ((Enum<?>) annotation.annotationType().getMethod("value").invoke(annotation)).name();
    if (!level.equals("Trial")) {
      throw new IllegalArgumentException(setUp.getDeclaringClass().getName() + "." + setUp.getName()
          + " is @Setup(Level." + level + "): this harness sets up once, as Level.Trial does");
    }
  }

  private static int operationsPerInvocation(Method method) throws ReflectiveOperationException {
    Annotation operations = annotation(method, "OperationsPerInvocation");
    return operations == null ? 1 : (int) operations.annotationType().getMethod("value").invoke(operations);
  }

  private static Annotation annotation(Method method, String simpleName) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().getName().equals(JMH_ANNOTATIONS + simpleName)) {
        return annotation;
      }
    }
    return null;
  }
}
