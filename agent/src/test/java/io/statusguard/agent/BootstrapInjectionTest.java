package io.statusguard.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.statusguard.agent.bootstrap.ResponseSinks;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BootstrapInjectionTest {
  @Test
  void injectsEveryClassOfTheBootstrapPackage() throws IOException, URISyntaxException {
    Path classes = Paths.get(ResponseSinks.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    Path bootstrap = classes.resolve("io/statusguard/agent/bootstrap");

    List<String> compiled;
    try (Stream<Path> files = Files.list(bootstrap)) {
      compiled = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".class"))
          .map(name -> "io.statusguard.agent.bootstrap." + name.substring(0, name.length() - 6))
          .sorted()
          .toList();
    }

    assertThat(BootstrapInjection.CLASS_NAMES).containsExactlyElementsOf(compiled);
  }
}
