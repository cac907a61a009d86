package io.statusguard.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;

import io.statusguard.agent.instrumentation.apachehttp4.AsyncContentInstrumentation;
import io.statusguard.agent.instrumentation.apachehttp4.AsyncExchangeHandlerInstrumentation;
import io.statusguard.agent.instrumentation.apachehttp4.ClientExecInstrumentation;
import io.statusguard.agent.instrumentation.apachehttp4.ContentDecoderInstrumentation;
import io.statusguard.agent.instrumentation.apachehttp4.LegacyDirectorInstrumentation;
import io.statusguard.agent.instrumentation.apachehttp4.RequestExecutorInstrumentation;
import io.statusguard.agent.instrumentation.apachehttp5.AsyncAttemptInstrumentation;
import io.statusguard.agent.instrumentation.apachehttp5.AsyncBodyInstrumentation;
import io.statusguard.agent.instrumentation.apachehttp5.ConnectExecInstrumentation;
import io.statusguard.agent.instrumentation.apachehttp5.MinimalClientInstrumentation;
import io.statusguard.agent.instrumentation.jdkhttp.HttpClientInstrumentation;
import io.statusguard.agent.instrumentation.jdkhttp.MultiExchangeInstrumentation;
import io.statusguard.agent.instrumentation.jetty.HttpExchangeInstrumentation;
import io.statusguard.agent.instrumentation.jetty.HttpReceiverInstrumentation;
import io.statusguard.agent.instrumentation.okhttp.OkHttpInstrumentation;
import io.statusguard.agent.instrumentation.reactornetty.HttpClientHandlerInstrumentation;
import io.statusguard.agent.instrumentation.reactornetty.HttpClientOperationsInstrumentation;
import io.statusguard.agent.instrumentation.reactornetty.HttpIoHandlerObserverInstrumentation;
import io.statusguard.agent.instrumentation.reactornetty.HttpObserverInstrumentation;
import io.statusguard.agent.instrumentation.urlconnection.HttpsConnectInstrumentation;
import io.statusguard.agent.instrumentation.urlconnection.UrlConnectionInstrumentation;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the advice into the JDK's HTTP clients, whether their classes are loaded already (attach)
 * or later (premain). Everything but the instrumented classes is ignored by name, which keeps the
 * agent's own classes and its shaded Kafka client untouched.
 */
public final class InstrumentationInstaller {
  private InstrumentationInstaller() {}

  /** The classes this agent version instruments. */
  public static List<TypeInstrumentation> builtIn() {
    return List.of(new HttpClientInstrumentation(), new MultiExchangeInstrumentation(),
        new UrlConnectionInstrumentation(),
        new HttpsConnectInstrumentation(),
        new HttpObserverInstrumentation(), new HttpIoHandlerObserverInstrumentation(),
        new HttpClientHandlerInstrumentation(), new HttpClientOperationsInstrumentation(),
        new HttpExchangeInstrumentation(), new HttpReceiverInstrumentation(),
        new OkHttpInstrumentation(),
        new RequestExecutorInstrumentation(), ClientExecInstrumentation.main(),
        ClientExecInstrumentation.minimal(), new LegacyDirectorInstrumentation(),
        new AsyncExchangeHandlerInstrumentation(), AsyncContentInstrumentation.defaultHandler(),
        AsyncContentInstrumentation.minimalHandler(), AsyncContentInstrumentation.pipeliningHandler(),
        ContentDecoderInstrumentation.lengthDelimited(), ContentDecoderInstrumentation.chunked(),
        ContentDecoderInstrumentation.identity(),
        new ConnectExecInstrumentation(), new MinimalClientInstrumentation(),
        new AsyncAttemptInstrumentation(), AsyncBodyInstrumentation.negotiating(),
        AsyncBodyInstrumentation.http2Only());
  }

  /**
   * Installs {@code instrumentations}. The instrumented JDK modules get a read edge to the module of
   * {@code bootstrapType} (the bootstrap loader's unnamed module) so that inlined advice may call it.
   * A class that cannot be instrumented costs one line on {@code err} and is left as it is.
   */
  public static ResettableClassFileTransformer install(Instrumentation instrumentation,
      Class<?> bootstrapType, List<TypeInstrumentation> instrumentations, PrintStream err) {
    disableNexus();
    ClassLoader agentLoader = InstrumentationInstaller.class.getClassLoader();
    String[] typeNames = instrumentations.stream()
        .map(TypeInstrumentation::typeName)
        .toArray(String[]::new);
    AgentBuilder builder = new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        // Describing types from class files alone, without reflection, trims premain by about a
        // fifth; the two instrumented classes need nothing more.
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
        .with(AgentBuilder.PoolStrategy.Default.FAST)
        .with(new ErrorReporter(err))
        .ignore(not(namedOneOf(typeNames)))
        .assureReadEdgeTo(instrumentation, bootstrapType);
    for (TypeInstrumentation type : instrumentations) {
      builder = builder.type(named(type.typeName())).transform(type.transformer(agentLoader));
    }
    return builder.installOn(instrumentation);
  }

  /**
   * Turns off Byte Buddy's Nexus, which the agent does not use (its advice is inlined, nothing is
   * initialised through it) and whose set-up reaches for {@code sun.misc.Unsafe}, which makes JDK 24
   * and later print warnings into the application's output. The property is named after Byte Buddy's
   * package, so the relocated copy in the agent jar reads its own property and no other Byte Buddy in
   * the application is affected.
   */
  static void disableNexus() {
    String byteBuddyClass = ByteBuddy.class.getName();
    String byteBuddyPackage = byteBuddyClass.substring(0, byteBuddyClass.lastIndexOf('.'));
    System.setProperty(byteBuddyPackage + ".nexus.disabled", "true");
  }

  /** Reports a class that could not be instrumented, e.g. on a JDK whose internals differ. */
  private static final class ErrorReporter extends AgentBuilder.Listener.Adapter {
    private final PrintStream err;

    ErrorReporter(PrintStream err) {
      this.err = err;
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
        Throwable throwable) {
      err.println("[statusguard] WARN cannot instrument " + typeName + ": " + throwable
          + "; its responses are not recorded");
    }
  }
}
